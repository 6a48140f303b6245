/// What a log line looks like, by its bytes: the shapes block building and the scan both ask about.
enum LineShape {
    /// A test runner's line for a passing test (`… timed out: 17.7 ms OK`, `t0001-init.sh .. ok`):
    /// whatever its name says, it is not a failure.
    static func reportsPass(_ text: String) -> Bool {
        let trimmed = text.utf8.reversed().drop { $0 == 0x20 || $0 == 0x0D || $0 == 0x09 }
        return passVerdicts.contains { verdict in trimmed.starts(with: verdict) }
    }

    static let passVerdicts: [[UInt8]] = [" OK", " ok", " PASSED", " passed", " PASS", "✓"].map { Array($0.utf8.reversed()) }

    /// The runner's line for a step's end (Travis `The command "x" exited with 1.`, GitHub's exit code line).
    static func endsStep(_ text: String) -> Bool {
        text.hasPrefix("The command \"") && text.has("exited with") || text.has("Process completed with exit code")
    }

    /// A line of carets and tildes under a source line (`      ^^^^^`).
    static func isCaretLine<Bytes: Sequence>(_ bytes: Bytes) -> Bool where Bytes.Element == UInt8 {
        var marks = false
        for byte in bytes where byte != 0x20 && byte != 0x09 && byte != 0x0D {
            guard byte == UInt8(ascii: "^") || byte == UInt8(ascii: "~") else { return false }
            marks = true
        }
        return marks
    }

    /// A source snippet's gutter line under a diagnostic (`60 | newtype X = …`, `   |     ^^^`): rustc, GHC, clang.
    static func isGutter<Bytes: Sequence>(_ bytes: Bytes) -> Bool where Bytes.Element == UInt8 {
        var sawDigitOrSpace = false
        for byte in bytes {
            if byte == UInt8(ascii: "|") { return sawDigitOrSpace }
            guard byte == 0x20 || (0x30...0x39).contains(byte) else { return false }
            sawDigitOrSpace = true
        }
        return false
    }

    static func indentation(_ text: String) -> Int {
        text.utf8.prefix { $0 == 0x20 || $0 == 0x09 }.count
    }
}

extension LineShape {
    /// A file and line (`src/app.py:12`, `Foo.java:31)`, `main.go:7:2`): a name with an extension, a colon, digits.
    static func hasCodeLocation(_ text: String) -> Bool {
        let bytes = Array(text.utf8.prefix(512))
        var index = 1
        while index + 1 < bytes.count {
            defer { index += 1 }
            guard bytes[index] == UInt8(ascii: ":"), (0x30...0x39).contains(bytes[index + 1]) else { continue }
            // An extension of 1–6 letters right before the colon, after a dot that follows a name.
            var start = index - 1
            while start > 0, index - start <= 6, isLetter(bytes[start]) { start -= 1 }
            if start > 0, start < index - 1, bytes[start] == UInt8(ascii: "."), isNameByte(bytes[start - 1]) { return true }
        }
        return false
    }

    /// A stack trace's frame: `at com.x.Y(Y.java:3)`, `File "x.py", line 3`, `from x.rb:3`, `#3 0x…`.
    static func isStackFrame(_ text: String) -> Bool {
        let trimmed = text.drop { $0 == " " || $0 == "\t" }
        if trimmed.hasPrefix("at ") || trimmed.hasPrefix("File \"") || trimmed.hasPrefix("from ") { return true }
        return trimmed.first == "#" && trimmed.dropFirst().first?.isNumber == true
    }

    /// A line more than a third digits (timings, counters, progress, hashes).
    static func isDigitHeavy(_ text: String) -> Bool {
        var digits = 0
        var printed = 0
        for byte in text.utf8 where byte != 0x20 && byte != 0x09 {
            printed += 1
            if (0x30...0x39).contains(byte) { digits += 1 }
        }
        return printed > 0 && digits * 3 > printed
    }

    private static func isLetter(_ byte: UInt8) -> Bool { (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) }
    private static func isNameByte(_ byte: UInt8) -> Bool { isLetter(byte) || (0x30...0x39).contains(byte) || byte == 0x5F || byte == 0x2D }
}
