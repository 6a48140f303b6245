import Foundation

/// One judged run of an eval case (`autofix eval --store`), kept beside the jobs so the dashboards that
/// show production's figures show the offline ones too.
public struct EvalResultRecord: Sendable, Hashable {
    public var evalID: String
    public var recordedAt: Date
    public var model: String
    public var run: Int
    public var caseName: String
    public var ecosystem: String
    public var expect: String
    public var judged: String
    public var state: String
    public var pullOpened: Bool
    public var seconds: Double
    public var tokensIn: Int
    public var tokensOut: Int
    public var costUSD: Double
    public var extractionHit: Bool?
    public var localized: Bool?

    public init(
        evalID: String, recordedAt: Date, model: String, run: Int, caseName: String, ecosystem: String, expect: String, judged: String,
        state: String, pullOpened: Bool, seconds: Double, tokensIn: Int, tokensOut: Int, costUSD: Double, extractionHit: Bool?,
        localized: Bool?
    ) {
        self.evalID = evalID
        self.recordedAt = recordedAt
        self.model = model
        self.run = run
        self.caseName = caseName
        self.ecosystem = ecosystem
        self.expect = expect
        self.judged = judged
        self.state = state
        self.pullOpened = pullOpened
        self.seconds = seconds
        self.tokensIn = tokensIn
        self.tokensOut = tokensOut
        self.costUSD = costUSD
        self.extractionHit = extractionHit
        self.localized = localized
    }
}

/// A row of the `v_eval_summary` view: one eval invocation's figures.
public struct EvalSummaryRecord: Sendable, Hashable {
    public var evalID: String
    public var model: String
    public var cases: Int
    public var runs: Int
    public var successRate: Double?
    public var falsePositiveRate: Double?
    public var meanSecondsToFix: Double?

    public init(evalID: String, model: String, cases: Int, runs: Int, successRate: Double?, falsePositiveRate: Double?, meanSecondsToFix: Double?) {
        self.evalID = evalID
        self.model = model
        self.cases = cases
        self.runs = runs
        self.successRate = successRate
        self.falsePositiveRate = falsePositiveRate
        self.meanSecondsToFix = meanSecondsToFix
    }
}
