import Foundation

/// Reads a unified diff out of a model's reply: fenced or bare, with or without `diff --git` headers,
/// tolerating wrong hunk counts (hunks end at the next header, not where the counts say).
public enum DiffParser {
    public static func parse(reply: String) throws -> UnifiedDiff {
        let lines = diffLines(reply)
        var files: [UnifiedDiff.FilePatch] = []
        var index = 0
        while index < lines.count {
            let line = lines[index]
            guard line.hasPrefix("--- "), index + 1 < lines.count, lines[index + 1].hasPrefix("+++ ") else {
                index += 1
                continue
            }
            var file = UnifiedDiff.FilePatch(oldPath: path(line), newPath: path(lines[index + 1]), hunks: [])
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
            files.append(file)
        }
        guard !files.isEmpty else { throw PatchError.noDiff }
        return UnifiedDiff(files: files)
    }

    /// The fenced ```diff block if there is one, else the whole reply.
    static func diffLines(_ reply: String) -> [String] {
        let all = reply.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            line.hasSuffix("\r") ? String(line.dropLast()) : String(line)
        }
        if let open = all.firstIndex(where: { $0.hasPrefix("```diff") || $0.hasPrefix("```patch") }) {
            let rest = all[(open + 1)...]
            let close = rest.firstIndex { $0.hasPrefix("```") } ?? all.endIndex
            return Array(all[(open + 1)..<close])
        }
        return all
    }

    static func isHeader(_ lines: [String], _ index: Int) -> Bool {
        let line = lines[index]
        if line.hasPrefix("@@") || line.hasPrefix("diff --git ") { return true }
        return line.hasPrefix("--- ") && index + 1 < lines.count && lines[index + 1].hasPrefix("+++ ")
    }

    /// `--- a/src/x.py` → `src/x.py`; `/dev/null` → nil. Timestamps after a tab are dropped.
    static func path(_ header: String) -> String? {
        var path = String(header.dropFirst(4))
        if let tab = path.firstIndex(of: "\t") { path = String(path[..<tab]) }
        path = path.trimmingCharacters(in: .whitespaces)
        if path == "/dev/null" { return nil }
        if path.hasPrefix("a/") || path.hasPrefix("b/") { path.removeFirst(2) }
        return path
    }

    /// `@@ -12,5 +12,6 @@` → 12 (1 when absent or unreadable).
    static func oldStart(_ header: String) -> Int {
        guard let minus = header.firstIndex(of: "-") else { return 1 }
        let digits = header[header.index(after: minus)...].prefix { $0.isNumber }
        return Int(digits) ?? 1
    }
}
