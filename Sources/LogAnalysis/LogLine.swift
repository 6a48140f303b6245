/// One line of a raw log: its 1-based number in the original file (split on LF) and its text
/// with the CI runner's decoration (timestamps, ANSI colours, progress rewrites) removed.
public struct LogLine: Sendable, Hashable {
    public var number: Int
    public var text: String

    public init(number: Int, text: String) {
        self.number = number
        self.text = text
    }

    /// Nothing but spaces and tabs.
    public var isBlank: Bool { text.utf8.allSatisfy { $0 == 0x20 || $0 == 0x09 } }
}
