/// Where a definition ends, by its syntax: the indented block of a Python definition, the `end` of a
/// Ruby one, the braces of the C family, Go, Rust, Java, Kotlin, JavaScript and Swift. A section shows the
/// whole enclosing function rather than a fixed number of lines around a frame.
enum FunctionSpan {
    /// The last line of the definition that starts at `start`, or nil when its end is not found within
    /// `limit` lines (the caller then shows a window around the line instead).
    static func end(_ lines: [String], start: Int, limit: Int = 150) -> Int? {
        guard lines.indices.contains(start) else { return nil }
        let last = min(lines.count - 1, start + limit)
        let indent = indentation(lines[start])
        // The signature runs on while its parentheses are open, then ends in `:` or opens a `{` (on its
        // own last line, or alone on the next one).
        var open = 0
        for index in start...min(last, start + 5) {
            let code = stripComment(lines[index]).trimmingCharacters(in: .whitespaces)
            open += code.filter { $0 == "(" }.count - code.filter { $0 == ")" }.count
            guard open <= 0 else { continue }
            if code.hasSuffix(":") { return indentedBlockEnd(lines, start: start, indent: indent, last: last) }
            if code.contains("{") || (index < last && lines[index + 1].trimmingCharacters(in: .whitespaces) == "{") {
                return braceEnd(lines, start: start, last: last)
            }
            break
        }
        let head = lines[start].trimmingCharacters(in: .whitespaces)
        if head.hasPrefix("def ") || head.hasPrefix("class ") || head.hasPrefix("module ") {
            // Ruby: the `end` at the definition's own indentation.
            for index in (start + 1)...max(start + 1, last) where index <= last {
                let line = lines[index]
                if indentation(line) == indent, line.trimmingCharacters(in: .whitespaces).hasPrefix("end") { return index }
            }
        }
        return nil
    }

    /// The last non-blank line before the first non-blank line indented no deeper than the definition.
    private static func indentedBlockEnd(_ lines: [String], start: Int, indent: Int, last: Int) -> Int? {
        var end = start
        for index in (start + 1)..<(last + 1) {
            let line = lines[index]
            if line.trimmingCharacters(in: .whitespaces).isEmpty { continue }
            if indentation(line) <= indent, !line.trimmingCharacters(in: .whitespaces).hasPrefix(")") { return end }
            end = index
        }
        return last == lines.count - 1 ? end : nil
    }

    /// The line where the braces opened from `start` close again; quoted text and line comments are skipped.
    private static func braceEnd(_ lines: [String], start: Int, last: Int) -> Int? {
        var depth = 0
        var opened = false
        for index in start...last {
            var quote: Character?
            var escaped = false
            var previous: Character = " "
            for character in lines[index] {
                defer { previous = character }
                if let open = quote {
                    if escaped {
                        escaped = false
                    } else if character == "\\" {
                        escaped = true
                    } else if character == open {
                        quote = nil
                    }
                    continue
                }
                if character == "/", previous == "/" { break }
                switch character {
                case "\"", "'", "`": quote = character
                case "{":
                    depth += 1
                    opened = true
                case "}": depth -= 1
                default: break
                }
            }
            if opened, depth <= 0 { return index }
        }
        return nil
    }

    private static func indentation(_ line: String) -> Int {
        line.prefix { $0 == " " || $0 == "\t" }.reduce(0) { $0 + ($1 == "\t" ? 4 : 1) }
    }

    private static func stripComment(_ line: String) -> String {
        guard let hash = line.range(of: " #") ?? line.range(of: "//") else { return line }
        return String(line[..<hash.lowerBound])
    }
}
