/// A run of log lines that explains a failure, with where it points in the code.
public struct ErrorBlock: Sendable, Hashable {
    public var startLine: Int
    public var endLine: Int
    public var message: String
    public var file: String?
    public var line: Int?
    public var column: Int?
    public var rule: String
    public var kind: FailureKind
    /// Higher ranks first.
    public var score: Double

    public var lines: ClosedRange<Int> { startLine...endLine }

    public init(
        startLine: Int, endLine: Int, message: String, file: String? = nil, line: Int? = nil, column: Int? = nil, rule: String, kind: FailureKind, score: Double
    ) {
        self.startLine = startLine
        self.endLine = endLine
        self.message = message
        self.file = file
        self.line = line
        self.column = column
        self.rule = rule
        self.kind = kind
        self.score = score
    }
}
