/// One log format's failure shape: a cheap substring test, then a check on the line.
struct ExtractionRule: Sendable {
    var id: String
    var kind: FailureKind
    /// How much a match of this rule says about the failure (structured markers highest).
    var weight: Double
    /// Any of these must occur in the line before `accepts` runs.
    var needles: [String]
    var accepts: @Sendable (String) -> Bool = { _ in true }
    /// Context lines kept around a match.
    var before = 0
    var after = 0
}

extension ExtractionRule {
    static func starts(_ prefixes: [String]) -> @Sendable (String) -> Bool {
        { line in
            let trimmed = line.drop(while: { $0 == " " || $0 == "\t" })
            return prefixes.contains { trimmed.hasPrefix($0) }
        }
    }
}
