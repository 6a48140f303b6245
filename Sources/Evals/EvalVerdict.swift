/// The judge's conclusion on one run of one case.
public struct EvalVerdict: Sendable, Codable, Equatable {
    /// `success` (a fix case fixed: PR opened, every requirement met, hidden tests pass), `false_positive`
    /// (a PR that should not exist or whose fix fails a requirement or the hidden tests), `missed` (a fix
    /// case ended without a PR), `expected` (a no_fix or skipped case ended so), `unexpected` (it ended otherwise).
    public var judged: String
    public var name: String
    public var ecosystem: String
    public var expect: String
    /// The job's final state.
    public var state: String
    public var reason: String?
    public var pullOpened: Bool
    /// Each behavioural requirement checked on the PR (absent without one).
    public var requirements: [String: Bool]
    public var hiddenTestsPassed: Bool?
    public var seconds: Double
    public var tokensIn: Int
    public var tokensOut: Int
    public var costUSD: Double
    /// Model-independent: the case's error lines inside the extractor's top 3 blocks (nil: none labelled).
    public var extractionHit: Bool?
    /// Model-independent: the reference fix's changed lines the prompt's code context showed, of all of them
    /// (nil: no reference fix, or the pipeline stopped before gathering context).
    public var localizedLines: Int?
    public var changedLines: Int?

    enum CodingKeys: String, CodingKey {
        case judged, name, ecosystem, expect, state, reason, requirements, seconds
        case pullOpened = "pull_opened"
        case hiddenTestsPassed = "hidden_tests_passed"
        case tokensIn = "tokens_in"
        case tokensOut = "tokens_out"
        case costUSD = "cost_usd"
        case extractionHit = "extraction_hit"
        case localizedLines = "localized_lines"
        case changedLines = "changed_lines"
    }

    public var localized: Bool? {
        guard let localizedLines, let changedLines, changedLines > 0 else { return nil }
        return localizedLines == changedLines
    }
}
