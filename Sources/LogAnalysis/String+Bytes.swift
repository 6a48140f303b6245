extension String {
    /// Substring test on UTF-8 bytes (memchr then memcmp): the rules run it on every candidate line,
    /// where Foundation's `contains` goes through NSString.
    func has(_ needle: String) -> Bool {
        var text = self
        var needle = needle
        return text.withUTF8 { haystack in needle.withUTF8 { ExtractionRule.find($0, in: haystack) } }
    }

    /// True when lower-case `word` (or its plural) occurs in this lower-cased line as a word of prose,
    /// not as part of a name: `Error.pm`, `CST.Errors`, `on-error`, `error_log`, `--state=failed` are names.
    func hasProseWord(_ word: String) -> Bool {
        let bytes = Array(utf8)
        let target = Array(word.utf8)
        guard target.count <= bytes.count else { return false }
        func isNameByte(_ byte: UInt8) -> Bool {
            (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39) || byte == 0x5F || byte == 0x2D || byte == 0x2F || byte == 0x3D
        }
        var index = 0
        while index + target.count <= bytes.count {
            defer { index += 1 }
            guard bytes[index] == target[0], Array(bytes[index..<index + target.count]) == target else { continue }
            if index > 0 {
                let before = bytes[index - 1]
                if isNameByte(before) || before == 0x2E || before == 0x3A && index > 1 && bytes[index - 2] == 0x3A { continue }
            }
            var after = index + target.count
            if after < bytes.count, bytes[after] == 0x73 { after += 1 }
            if after < bytes.count {
                let next = bytes[after]
                if isNameByte(next) { continue }
                // `.pm`, `.java`: a file name; a sentence's full stop is followed by a space or the end.
                if next == 0x2E, after + 1 < bytes.count, isNameByte(bytes[after + 1]) { continue }
            }
            return true
        }
        return false
    }
}
