import Foundation

/// One attempt at a job: who ran it, when, how it ended, and what it cost.
public struct RunRecord: Sendable, Hashable {
    public var id: Int64
    public var jobID: Int64
    public var attempt: Int
    public var workerID: String
    public var startedAt: Date
    public var finishedAt: Date?
    /// `running`, a terminal job state, `retry`, `handed_back` or `lease_expired`.
    public var outcome: String
    public var error: String?
    public var tokensIn: Int
    public var tokensOut: Int
    public var costUSD: Double
    public var promptVersion: String?
    public var stages: [StageRecord]

    public init(
        id: Int64, jobID: Int64, attempt: Int, workerID: String, startedAt: Date, finishedAt: Date?,
        outcome: String, error: String?, tokensIn: Int, tokensOut: Int, costUSD: Double,
        promptVersion: String?, stages: [StageRecord]
    ) {
        self.id = id
        self.jobID = jobID
        self.attempt = attempt
        self.workerID = workerID
        self.startedAt = startedAt
        self.finishedAt = finishedAt
        self.outcome = outcome
        self.error = error
        self.tokensIn = tokensIn
        self.tokensOut = tokensOut
        self.costUSD = costUSD
        self.promptVersion = promptVersion
        self.stages = stages
    }
}

/// One pipeline stage within a run.
public struct StageRecord: Sendable, Hashable {
    public var stage: String
    public var startedAt: Date
    public var duration: Duration
    /// `ok`, `failed`, `skipped`, `resumed` (served from a checkpoint) or a stage-specific word.
    public var outcome: String
    public var detail: String?
    public var tokensIn: Int
    public var tokensOut: Int
    public var costUSD: Double
    public var promptVersion: String?

    public init(
        stage: String, startedAt: Date, duration: Duration, outcome: String, detail: String? = nil,
        tokensIn: Int = 0, tokensOut: Int = 0, costUSD: Double = 0, promptVersion: String? = nil
    ) {
        self.stage = stage
        self.startedAt = startedAt
        self.duration = duration
        self.outcome = outcome
        self.detail = detail
        self.tokensIn = tokensIn
        self.tokensOut = tokensOut
        self.costUSD = costUSD
        self.promptVersion = promptVersion
    }
}
