extension String {
    /// Substring test on UTF-8 bytes (memchr then memcmp): the rules run it on every candidate line,
    /// where Foundation's `contains` goes through NSString.
    func has(_ needle: String) -> Bool {
        var text = self
        var needle = needle
        return text.withUTF8 { haystack in needle.withUTF8 { ExtractionRule.find($0, in: haystack) } }
    }
}
