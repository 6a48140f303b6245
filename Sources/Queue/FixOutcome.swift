import Foundation

/// What became of one autofix pull request: its fix branch's CI, its review, merged or closed unmerged.
/// One record per pull request, kept after its job is pruned; the rates on the dashboards come from these.
public struct FixOutcome: Sendable, Hashable, Codable {
    public enum CIState: String, Sendable, Codable, CaseIterable {
        case pending, passed, failed, cancelled

        /// A completed run's conclusion as the record keeps it; nil for those that say nothing of the fix
        /// (`neutral`, `skipped`, `stale`, `action_required`).
        public init?(conclusion: String) {
            switch conclusion {
            case "success": self = .passed
            case "failure", "timed_out", "startup_failure": self = .failed
            case "cancelled": self = .cancelled
            default: return nil
            }
        }
    }

    public enum PullState: String, Sendable, Codable, CaseIterable {
        case open, merged
        case closedUnmerged = "closed_unmerged"
    }

    public var repo: String
    public var pullNumber: Int
    public var jobID: Int64?
    public var branch: String
    /// When the failure was handed to the service (the job's enqueue), and when the fix's PR opened.
    public var failedAt: Date
    public var openedAt: Date
    public var ci: CIState
    /// CI runs completed on the fix branch, and the workflow of the latest.
    public var ciRuns: Int
    public var ciWorkflow: String?
    public var firstGreenAt: Date?
    /// The latest review's state (`approved`, `changes_requested`, `commented`), nil without one.
    public var review: String?
    public var pull: PullState
    /// `maintainer` or `bot`, for a closed pull request.
    public var closedBy: String?
    public var closedAt: Date?
    public var updatedAt: Date
    /// Which failure the pull request fixed (its branch, kind and messages, digested): a failure whose fix a
    /// maintainer closed is not attempted again for a while.
    public var failureSignature: String?
    /// The commit the bot last pushed to the branch, and the workflow whose failure it fixes: only runs of
    /// that workflow on that commit speak for the fix (not a re-run of an older commit, another workflow, or
    /// a commit someone else pushed). Nil in records older than these columns: any run counts.
    public var headSHA: String?
    public var workflowID: Int64?
    /// The run (and attempt) that decided `ci`: the same run reported twice counts once.
    public var ciRunID: Int64?
    public var ciRunAttempt: Int?
    /// Follow-up correction rounds started on the fix branch after its CI failed.
    public var followUps: Int
    /// Set when the fix stayed red after its follow-ups: labelled failed, and closed by the bot after this.
    public var closeAfter: Date?

    public init(
        repo: String, pullNumber: Int, jobID: Int64?, branch: String, failedAt: Date, openedAt: Date, ci: CIState = .pending, ciRuns: Int = 0,
        ciWorkflow: String? = nil, firstGreenAt: Date? = nil, review: String? = nil, pull: PullState = .open, closedBy: String? = nil,
        closedAt: Date? = nil, updatedAt: Date, failureSignature: String? = nil, headSHA: String? = nil, workflowID: Int64? = nil, ciRunID: Int64? = nil,
        ciRunAttempt: Int? = nil, followUps: Int = 0,
        closeAfter: Date? = nil
    ) {
        self.repo = repo
        self.pullNumber = pullNumber
        self.jobID = jobID
        self.branch = branch
        self.failedAt = failedAt
        self.openedAt = openedAt
        self.ci = ci
        self.ciRuns = ciRuns
        self.ciWorkflow = ciWorkflow
        self.firstGreenAt = firstGreenAt
        self.review = review
        self.pull = pull
        self.closedBy = closedBy
        self.closedAt = closedAt
        self.updatedAt = updatedAt
        self.failureSignature = failureSignature
        self.headSHA = headSHA
        self.workflowID = workflowID
        self.ciRunID = ciRunID
        self.ciRunAttempt = ciRunAttempt
        self.followUps = followUps
        self.closeAfter = closeAfter
    }

    /// Seconds from the failure to the first green CI on the fix branch.
    public var secondsToGreen: Double? { firstGreenAt.map { $0.timeIntervalSince(failedAt) } }

    /// The one word the metrics and the list use: what is known last.
    public var outcome: String {
        switch pull {
        case .merged: "merged"
        case .closedUnmerged: "closed_unmerged"
        case .open:
            switch ci {
            case .passed: "ci_passed"
            case .failed: "ci_failed"
            case .pending, .cancelled: "open"
            }
        }
    }
}

/// A fact about an autofix pull request, from a webhook delivery or the poller, or a step the worker took on it.
public enum FixEvent: Sendable, Hashable {
    /// A workflow run on the fix branch completed (`success`, `failure`, `cancelled`, …). A run and attempt
    /// already recorded changes nothing (webhooks are delivered again; the poller sees runs the webhook did),
    /// nor does a run of another commit or workflow than the record's.
    case ciCompleted(
        repo: String, branch: String, workflow: String, conclusion: String, runID: Int64, runAttempt: Int, headSHA: String, workflowID: Int64?, at: Date)
    case closed(repo: String, pullNumber: Int, merged: Bool, byBot: Bool, at: Date)
    case reopened(repo: String, pullNumber: Int, at: Date)
    case reviewed(repo: String, pullNumber: Int, state: String, at: Date)
    /// Takes the next follow-up round of a fix whose CI failed in run `runID` (still its latest), if fewer than
    /// `maxRounds` were taken: applied (true) by exactly one of any number of workers racing for it.
    case followUpStarted(repo: String, pullNumber: Int, runID: Int64, maxRounds: Int, at: Date)
    /// A follow-up round pushed `headSHA`: its CI is pending again, and only that commit's runs count.
    case followUpPushed(repo: String, pullNumber: Int, headSHA: String, at: Date)
    /// A fix still red after its follow-ups was labelled failed; the bot closes it after `closeAfter`.
    case markedFailed(repo: String, pullNumber: Int, closeAfter: Date, at: Date)
}

/// Which outcomes `autofix outcomes` lists.
public struct FixOutcomeFilter: Sendable, Hashable {
    public var repo: String?
    public var openedSince: Date?
    public var jobID: Int64?
    public var failureSignature: String?
    public var pullNumber: Int?
    public var branch: String?
    /// Only pull requests still open (the poller's list).
    public var openOnly: Bool
    public var limit: Int

    public init(
        repo: String? = nil, openedSince: Date? = nil, jobID: Int64? = nil, failureSignature: String? = nil, pullNumber: Int? = nil,
        branch: String? = nil, openOnly: Bool = false, limit: Int = 500
    ) {
        self.repo = repo
        self.pullNumber = pullNumber
        self.branch = branch
        self.openOnly = openOnly
        self.openedSince = openedSince
        self.jobID = jobID
        self.failureSignature = failureSignature
        self.limit = limit
    }
}

/// The design document's rates over some outcome records: success (CI green on the fix branch), acceptance
/// (merged), false positives (closed unmerged, or still red), and the mean time from the failure to a green fix.
public struct FixRates: Sendable, Equatable {
    public var pulls: Int
    public var success: Double?
    public var acceptance: Double?
    public var falsePositive: Double?
    public var meanSecondsToGreen: Double?

    public init(_ outcomes: [FixOutcome]) {
        pulls = outcomes.count
        func share(_ test: (FixOutcome) -> Bool) -> Double? {
            outcomes.isEmpty ? nil : Double(outcomes.filter(test).count) / Double(outcomes.count)
        }
        success = share { $0.ci == .passed }
        acceptance = share { $0.pull == .merged }
        falsePositive = share { $0.pull == .closedUnmerged || ($0.ci == .failed && $0.pull != .merged) }
        let greens = outcomes.compactMap(\.secondsToGreen)
        meanSecondsToGreen = greens.isEmpty ? nil : greens.reduce(0, +) / Double(greens.count)
    }

    /// Every word `FixOutcome.outcome` can be, for metric labels.
    public static let outcomeWords = ["open", "ci_passed", "ci_failed", "merged", "closed_unmerged"]
}
