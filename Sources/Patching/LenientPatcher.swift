import Foundation

/// Places each hunk by its content (exact, then ignoring trailing blanks, then ignoring indentation),
/// nearest to the line the model gave, and writes a diff git can apply exactly.
public struct LenientPatcher: Sendable {
    public init() {}

    /// `read` returns a file's text, or nil if it does not exist.
    public func normalize(_ diff: UnifiedDiff, read: (String) -> String?) throws -> String {
        var output = ""
        for file in diff.files {
            if file.isNewFile {
                let added = file.hunks.flatMap(\.added)
                output += "diff --git a/\(file.path) b/\(file.path)\nnew file mode 100644\n--- /dev/null\n+++ b/\(file.path)\n@@ -0,0 +1,\(added.count) @@\n"
                output += added.map { "+\($0)\n" }.joined()
                continue
            }
            guard let text = read(file.oldPath ?? file.path) else { throw PatchError.fileMissing(file.oldPath ?? file.path) }
            let (original, finalNewline) = Self.split(text)
            // `diff --git` headers keep each file's hunks its own when git applies several files at once.
            let old = file.oldPath ?? file.path
            output += "diff --git a/\(old) b/\(old)\n" + (file.isDeletion ? "deleted file mode 100644\n" : "")
            output += "--- a/\(old)\n+++ \(file.newPath.map { "b/\($0)" } ?? "/dev/null")\n"
            var searchFrom = 0
            var placed: [(at: Int, hunk: UnifiedDiff.Hunk)] = []
            for (number, hunk) in file.hunks.enumerated() {
                guard let at = Self.locate(hunk.before, in: original, from: searchFrom, hint: hunk.oldStart - 1) else {
                    throw PatchError.hunkNotFound(path: file.path, hunk: number + 1)
                }
                placed.append((at, hunk))
                searchFrom = at + hunk.before.count
            }
            // Hunks closer than their padding would overlap (git refuses overlapping hunks, and one without
            // trailing context must end the file): those within 6 lines of each other go out as one hunk.
            var groups: [[(at: Int, hunk: UnifiedDiff.Hunk)]] = []
            for item in placed {
                if let last = groups.last?.last, item.at - (last.at + last.hunk.before.count) <= 6 {
                    groups[groups.count - 1].append(item)
                } else {
                    groups.append([item])
                }
            }
            var delta = 0
            for (index, group) in groups.enumerated() {
                // git anchors a hunk with less context on one side to the file's start or end, so pad
                // both sides with the file's own lines (up to 3).
                let first = group[0]
                let last = group[group.count - 1]
                let end = last.at + last.hunk.before.count
                let lead = min(3, first.at - (index > 0 ? groups[index - 1].last!.at + groups[index - 1].last!.hunk.before.count + 3 : 0))
                let trail = min(3, (index + 1 < groups.count ? groups[index + 1][0].at - 3 : original.count) - end)
                let start = first.at - max(lead, 0)
                var body = ""
                var offset = start
                var oldCount = 0
                var newCount = 0
                for item in group {
                    while offset < item.at {
                        body += " \(original[offset])\n"
                        offset += 1
                        oldCount += 1
                        newCount += 1
                    }
                    for line in item.hunk.lines {
                        switch line {
                        case .context:
                            body += " \(original[offset])\n"
                            offset += 1
                            oldCount += 1
                            newCount += 1
                        case .removed:
                            body += "-\(original[offset])\n"
                            offset += 1
                            oldCount += 1
                        case .added(let text):
                            body += "+\(text)\n"
                            newCount += 1
                        }
                    }
                }
                for line in original[end..<(end + max(trail, 0))] { body += " \(line)\n" }
                oldCount += max(trail, 0)
                newCount += max(trail, 0)
                let oldStart = oldCount == 0 ? start : start + 1
                let newStart = newCount == 0 ? start + delta : start + delta + 1
                output += "@@ -\(oldStart),\(oldCount) +\(newStart),\(newCount) @@\n" + body
                if end + max(trail, 0) == original.count, !finalNewline {
                    output += "\\ No newline at end of file\n"
                }
                delta += newCount - oldCount
            }
        }
        return output
    }

    /// Lines split on `\n` bytes as git splits them (a `\r` stays part of its line).
    static func split(_ text: String) -> ([String], Bool) {
        // An empty file has no lines (and no last line without a newline).
        if text.isEmpty { return ([], true) }
        var lines = Array(text.utf8).split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
        let finalNewline = text.utf8.last == UInt8(ascii: "\n")
        if finalNewline { lines.removeLast() }
        return (lines, finalNewline)
    }

    /// The start of `needle` in `lines` at or after `from`, nearest to `hint`, trying stricter comparisons first.
    static func locate(_ needle: [String], in lines: [String], from: Int, hint: Int) -> Int? {
        if needle.isEmpty { return min(max(hint, from), lines.count) }
        let comparisons: [(String) -> String] = [
            { $0 },
            { $0.replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression) },
            { $0.trimmingCharacters(in: .whitespaces) },
        ]
        for normal in comparisons {
            let target = needle.map(normal)
            var best: Int?
            guard lines.count >= needle.count, from <= lines.count - needle.count else { return nil }
            for start in from...(lines.count - needle.count) where normal(lines[start]) == target[0] {
                if (1..<needle.count).allSatisfy({ normal(lines[start + $0]) == target[$0] }) {
                    if best.map({ abs($0 - hint) > abs(start - hint) }) ?? true { best = start }
                }
            }
            if let best { return best }
        }
        return nil
    }
}
