/// FNV-1a, 64 bits, over UTF-8: the same value on every machine and run (Swift's `hashValue` is seeded per
/// process), and cheap enough for every line of a log.
enum FNV1a {
    static func hash(_ text: String) -> UInt64 {
        text.utf8.reduce(0xcbf2_9ce4_8422_2325) { ($0 ^ UInt64($1)) &* 0x100_0000_01b3 }
    }
}
