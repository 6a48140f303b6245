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
