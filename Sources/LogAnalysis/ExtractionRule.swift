#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// One log format's failure shape: a cheap substring test, then a check on the line.
struct ExtractionRule: Sendable {
    var id: String
    var kind: FailureKind
    /// How much a match of this rule says about the failure (structured markers highest).
    var weight: Double
    /// Any of these must occur in the line before `accepts` runs.
    var needles: [String]
    var accepts: @Sendable (String) -> Bool = { _ in true }
    /// A report that ends with a line of its own (a sanitizer's `==ABORTING`): the block runs to it.
    var until: [String] = []
    /// How many lines on the end line may be; past that the block is a plain one.
    var reach = 200
    /// A section heading (`There were 2 failures:`, `=== FAILURES ===`): the block is what follows it, up to
    /// the line before the first of these markers (the next section, the verdict).
    var section: [String] = []
    /// The section's heading names what failed (unittest's `FAIL: test_x (module.Case)`): it is part of the block.
    var headingNamesFailure = false
    /// A list heading (`  5 failing`): the block runs over the lines indented at least as deep as it.
    var list = false
    /// A heading over a paragraph (minitest's `Failure:`): the block runs to the next blank line.
    var paragraph = false
    /// The match names nothing by itself (a bare `FAILED`): the line right above, which names what failed, heads the block.
    var headAbove = false
}

extension ExtractionRule {
    /// memchr for the first byte, then memcmp (glibc's memmem is a GNU extension Swift does not see).
    static func find(_ needle: UnsafeBufferPointer<UInt8>, in haystack: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = needle.first, needle.count <= haystack.count, let base = haystack.baseAddress else { return needle.isEmpty }
        var offset = 0
        let last = haystack.count - needle.count
        while offset <= last {
            guard let hit = memchr(base + offset, Int32(first), last - offset + 1) else { return false }
            let position = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            if memcmp(base + position, needle.baseAddress!, needle.count) == 0 { return true }
            offset = position + 1
        }
        return false
    }

    /// True when any needle occurs in `text`: memmem over the UTF-8 bytes (Foundation's `contains` is far slower).
    func hasNeedle(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { haystack in
            needles.contains { needle in
                needle.utf8.withContiguousStorageIfAvailable { bytes in
                    Self.find(bytes, in: haystack)
                } ?? false
            }
        }
    }

    static func starts(_ prefixes: [String]) -> @Sendable (String) -> Bool {
        { line in
            let trimmed = line.drop(while: { $0 == " " || $0 == "\t" })
            return prefixes.contains { trimmed.hasPrefix($0) }
        }
    }
}
