/// How comments look in a file, by its extension: `#` in Python, Ruby and shell, `//` and `/* */` in the C
/// family, JavaScript, Rust, Go, Swift and Java (so Python's `//` operator is not a comment).
struct CommentSyntax {
    let line: [String]

    init(path: String) {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        let ext = name.contains(".") ? String(name.split(separator: ".").last ?? "").lowercased() : ""
        switch ext {
        case "py", "rb", "sh", "bash", "pl", "yaml", "yml", "toml", "r", "ex", "exs", "cfg", "ini", "mk": line = ["#"]
        case "c", "h", "cc", "cpp", "hpp", "cxx", "java", "kt", "kts", "js", "mjs", "cjs", "ts", "tsx", "jsx", "rs", "go", "swift", "scala", "cs", "dart":
            line = ["//", "/*", "*"]
        case "php": line = ["//", "/*", "*", "#"]
        case "sql", "lua", "hs": line = ["--"]
        default: line = name == "Makefile" ? ["#"] : ["#", "//", "/*", "--"]
        }
    }

    /// The comment's start in `text`: at the line's start, or after whitespace (a trailing comment).
    func commentStart(_ text: String) -> String.Index? {
        let trimmed = text.drop { $0 == " " || $0 == "\t" }
        if line.contains(where: { trimmed.hasPrefix($0 == "*" ? "* " : $0) || (trimmed == "*" && $0 == "*") }) { return trimmed.startIndex }
        for marker in line where marker != "*" {
            if let range = text.range(of: " " + marker) { return text.index(after: range.lowerBound) }
        }
        return nil
    }

    func hasComment(_ text: String) -> Bool { commentStart(text) != nil }

    /// `text` with every line's comment part removed (approximate: a marker inside a string counts too).
    func withoutComments(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { raw in
            let lineText = String(raw)
            guard let start = commentStart(lineText) else { return lineText }
            return String(lineText[..<start])
        }.joined(separator: "\n")
    }
}
