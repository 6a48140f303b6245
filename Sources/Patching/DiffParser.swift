import Foundation

/// Reads a unified diff out of a model's reply: fenced or bare, with or without `diff --git` headers,
/// tolerating wrong hunk counts (hunks end at the next header, not where the counts say).
///
/// The reply is hostile. Lines are split on `\n` bytes only, as git splits them (Swift's `String` sees
/// `"\r\n"` as one character, so a string split would read other paths than git does); a `\r` stays
/// content. Every path is checked as git will write it (`RepoPath`), and headers that change what a
/// path is (modes, symlinks, submodules, renames, binaries) are refused, not ignored.
public enum DiffParser {
    public static func parse(reply: String) throws -> UnifiedDiff {
        let lines = try diffLines(reply)
        var files: [UnifiedDiff.FilePatch] = []
        var index = 0
        while index < lines.count {
            let line = lines[index]
            try refuseExtendedHeader(line)
            guard line.hasPrefix("--- "), index + 1 < lines.count, lines[index + 1].hasPrefix("+++ ") else {
                index += 1
                continue
            }
            var file = UnifiedDiff.FilePatch(oldPath: try path(line), newPath: try path(lines[index + 1]), hunks: [])
            if let old = file.oldPath, let new = file.newPath, old != new {
                throw PatchError.refused(rule: "path", detail: "renames are not allowed (\(old) → \(new))")
            }
            guard file.oldPath != nil || file.newPath != nil else { throw PatchError.malformedDiff("a file patch from /dev/null to /dev/null") }
            index += 2
            while index < lines.count, lines[index].hasPrefix("@@") {
                var hunk = UnifiedDiff.Hunk(oldStart: oldStart(lines[index]), lines: [])
                index += 1
                while index < lines.count, !isHeader(lines, index) {
                    let text = lines[index]
                    if text.hasPrefix("+") {
                        hunk.lines.append(.added(String(text.dropFirst())))
                    } else if text.hasPrefix("-") {
                        hunk.lines.append(.removed(String(text.dropFirst())))
                    } else if text.hasPrefix(" ") {
                        hunk.lines.append(.context(String(text.dropFirst())))
                    } else if text.isEmpty {
                        // Models and editors drop the space of an empty context line.
                        hunk.lines.append(.context(""))
                    } else if !text.hasPrefix("\\") {
                        break
                    }
                    index += 1
                }
                while case .context("") = hunk.lines.last { hunk.lines.removeLast() }
                if !hunk.lines.isEmpty { file.hunks.append(hunk) }
            }
            guard !file.hunks.isEmpty else { throw PatchError.malformedDiff("no hunks for \(file.path)") }
            if files.contains(where: { $0.path == file.path }) { throw PatchError.malformedDiff("\(file.path) appears twice") }
            files.append(file)
        }
        guard !files.isEmpty else { throw PatchError.noDiff }
        return UnifiedDiff(files: files)
    }

    /// The fenced ```diff block if there is one, else the whole reply. A fence that never closes is a
    /// reply cut off mid-diff: refused, since its last hunk may be half written.
    static func diffLines(_ reply: String) throws -> [String] {
        let all = Array(reply.utf8).split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
        if let open = all.firstIndex(where: { $0.hasPrefix("```diff") || $0.hasPrefix("```patch") }) {
            let rest = all[(open + 1)...]
            guard let close = rest.firstIndex(where: { $0.hasPrefix("```") }) else {
                throw PatchError.malformedDiff("the ```diff block is not closed (the reply was cut off)")
            }
            return Array(all[(open + 1)..<close])
        }
        return all
    }

    static func isHeader(_ lines: [String], _ index: Int) -> Bool {
        let line = lines[index]
        if line.hasPrefix("@@") || line.hasPrefix("diff --git ") { return true }
        return line.hasPrefix("--- ") && index + 1 < lines.count && lines[index + 1].hasPrefix("+++ ")
    }

    /// git's extended headers that change a file's kind or identity; a content fix never needs them.
    static func refuseExtendedHeader(_ line: String) throws {
        let refused = [
            "old mode ", "new mode ", "deleted file mode ", "new file mode ", "rename from ", "rename to ", "copy from ", "copy to ",
            "similarity index ", "GIT binary patch", "Binary files ",
        ]
        guard let header = refused.first(where: line.hasPrefix) else { return }
        if header == "new file mode " || header == "deleted file mode ", line.hasSuffix(" 100644") { return }
        throw PatchError.refused(rule: "mode", detail: "the diff changes a file's mode, kind or name (\(line.prefix(80)))")
    }

    /// `--- a/src/x.py` → `src/x.py`; `/dev/null` → nil. Timestamps after a tab are dropped; the rest is checked as git will write it.
    static func path(_ header: String) throws -> String? {
        var path = String(header.dropFirst(4))
        if let tab = path.firstIndex(of: "\t") { path = String(path[..<tab]) }
        if path == "/dev/null" { return nil }
        if path.hasPrefix("a/") || path.hasPrefix("b/") { path.removeFirst(2) }
        try RepoPath.check(path)
        return path
    }

    /// `@@ -12,5 +12,6 @@` → 12 (1 when absent or unreadable).
    static func oldStart(_ header: String) -> Int {
        guard let minus = header.firstIndex(of: "-") else { return 1 }
        let digits = header[header.index(after: minus)...].prefix { $0.isNumber }
        return Int(digits) ?? 1
    }
}
