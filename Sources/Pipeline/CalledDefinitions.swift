import Foundation

/// Where the code a failing test exercises is defined: the names a test calls, and whether a source line
/// defines one of them, in the syntaxes of the ecosystems the extractor knows. An assertion fails in the
/// test file; the bug is usually in the function the test called, which no traceback frame names.
enum CalledDefinitions {
    /// Words that take parentheses without being calls of project code.
    static let keywords: Set<String> = [
        "if", "for", "while", "switch", "return", "catch", "function", "def", "fn", "func", "new", "sizeof", "typeof", "await", "async",
        "elif", "with", "assert", "not", "and", "or", "in", "is", "lambda", "yield", "super", "self", "this", "print", "println", "printf",
        "require", "import", "include", "test", "it", "describe", "expect",
    ]

    /// Names called in `lines` (`name(` and `.name(`), first appearance first.
    static func calledNames(_ lines: [String]) -> [String] {
        var names: [String] = []
        for line in lines {
            let bytes = Array(line.utf8)
            var index = 0
            while index < bytes.count {
                guard isIdentifierStart(bytes[index]), index == 0 || !isIdentifier(bytes[index - 1]) else {
                    index += 1
                    continue
                }
                var end = index
                while end < bytes.count, isIdentifier(bytes[end]) { end += 1 }
                var next = end
                while next < bytes.count, bytes[next] == UInt8(ascii: " ") { next += 1 }
                if next < bytes.count, bytes[next] == UInt8(ascii: "(") || bytes[next] == UInt8(ascii: "!") && end == next {
                    let name = String(decoding: bytes[index..<end], as: UTF8.self)
                    if name.count > 1, !keywords.contains(name), !name.lowercased().hasPrefix("assert"), !names.contains(name) { names.append(name) }
                }
                index = end
            }
        }
        return names
    }

    /// The names an error message points at: calls (`add() takes 2 positional arguments`) and quoted
    /// identifiers (`name 'total' is not defined`, `undefined method `*'`), first appearance first.
    static func namedInMessage(_ message: String) -> [String] {
        var names = calledNames([message])
        let quoted = try! NSRegularExpression(pattern: #"['"`‘“]([A-Za-z_][A-Za-z0-9_]{2,})['"`’”]"#)
        let text = String(message.prefix(2000))
        for match in quoted.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
            guard let range = Range(match.range(at: 1), in: text) else { continue }
            let name = String(text[range])
            if !keywords.contains(name), !names.contains(name) { names.append(name) }
        }
        return names
    }

    /// Whether `line` defines `name`: a function, method or class in Python, JavaScript, TypeScript, Rust,
    /// Go, Swift, Ruby, Java, Kotlin, C or C++ (a declaration ending in `;` is not a definition).
    static func defines(_ line: String, _ name: String) -> Bool {
        let text = line.trimmingCharacters(in: .whitespaces)
        guard let range = wholeWord(name, in: text) else { return false }
        let before = String(text[..<range.lowerBound])
        let after = text[range.upperBound...].trimmingCharacters(in: .whitespaces)
        let words = before.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        // `def name`, `pub fn name`, `export async function name`, `class Name`, `def self.name`, `func (r *T) name(`
        if let last = words.last, introducers.contains(last) { return true }
        if before.hasSuffix("def self.") || (words.first == "func" && after.hasPrefix("(")) { return true }
        // `const name = (…) =>`, `export let name = function`
        if let last = words.last, ["const", "let", "var"].contains(last), after.hasPrefix("=") { return true }
        // Methods and C-family functions: `name(args) {` in a class body, `public static int name(int a) {`, `int name(void)`.
        let control = ["return", "if", "else", "while", "for", "switch", "case", "new", "throw", "await", "yield", "}"]
        guard after.hasPrefix("("), !text.hasSuffix(";"), !control.contains(where: { words.first == $0 || text.hasPrefix($0 + "(") }),
            !before.contains("="), !before.contains("."), !before.contains("("), !before.contains(",")
        else { return false }
        return words.isEmpty ? text.hasSuffix("{") : (text.hasSuffix("{") || text.hasSuffix(")") || text.contains(") throws"))
    }

    /// The name `line` defines, if it defines one: its first identifier that `defines` accepts.
    static func definedName(_ line: String) -> String? {
        let modifiers: Set<String> = [
            "self", "pub", "public", "private", "protected", "internal", "static", "export", "default", "async", "const", "let", "var", "final", "override",
            "open",
        ]
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        guard !["//", "#", "/*", "*", "--", ";"].contains(where: trimmed.hasPrefix) else { return nil }
        var word = ""
        for character in line + " " {
            if character.isLetter || character.isNumber || character == "_" {
                word.append(character)
                continue
            }
            defer { word = "" }
            guard word.count > 1, let first = word.first, !first.isNumber, !keywords.contains(word), !modifiers.contains(word),
                !introducers.contains(word)
            else { continue }
            if defines(line, word) { return word }
        }
        return nil
    }

    static let introducers: Set<String> = ["def", "fn", "func", "fun", "function", "function*", "class", "struct", "enum", "interface", "trait", "module"]

    /// The first occurrence of `word` in `text` not inside a longer identifier.
    static func wholeWord(_ word: String, in text: String) -> Range<String.Index>? {
        var from = text.startIndex
        while let range = text.range(of: word, range: from..<text.endIndex) {
            let beforeOK = range.lowerBound == text.startIndex || !isIdentifierCharacter(text[text.index(before: range.lowerBound)])
            let afterOK = range.upperBound == text.endIndex || !isIdentifierCharacter(text[range.upperBound])
            if beforeOK && afterOK { return range }
            from = range.upperBound
        }
        return nil
    }

    private static func isIdentifierCharacter(_ character: Character) -> Bool { character.isLetter || character.isNumber || character == "_" }

    private static func isIdentifierStart(_ byte: UInt8) -> Bool {
        (byte >= 65 && byte <= 90) || (byte >= 97 && byte <= 122) || byte == UInt8(ascii: "_")
    }

    private static func isIdentifier(_ byte: UInt8) -> Bool { isIdentifierStart(byte) || (byte >= 48 && byte <= 57) }
}
