import Core
import Foundation

/// The `fix-outcome` job: the worker looks at one autofix pull request's record and acts on it (says so in
/// the evidence comment when its CI passed; starts a follow-up round, or labels and later closes it, when it
/// failed). Webhook deliveries and the poller enqueue it; it is a job so that it runs where the GitHub
/// credentials are, with the queue's retries.
public struct FixOutcomeCheck: Sendable, Hashable, Codable {
    public static let jobKind = "fix-outcome"

    public var repo: String
    public var pullNumber: Int

    public init(repo: String, pullNumber: Int) {
        self.repo = repo
        self.pullNumber = pullNumber
    }

    enum CodingKeys: String, CodingKey {
        case repo
        case pullNumber = "pr_number"
    }

    /// One check per reason (`run:<id>#<attempt>`, `close`, …): a reason seen twice is one job.
    public func newJob(reason: String, runAt: Date? = nil) -> NewJob {
        NewJob(
            kind: Self.jobKind, repo: repo, dedupeKey: "\(Self.jobKind):\(repo)#\(pullNumber):\(reason)",
            payload: JSONText.object([("pr_number", String(pullNumber)), ("repo", JSONText.quote(repo))]), runAt: runAt)
    }

    /// Applies a fact from GitHub (a webhook delivery or the poller) and, when it changed what is known of the
    /// fix's CI, enqueues the check that acts on it. False when no record matched or nothing changed.
    @discardableResult
    public static func record(_ event: FixEvent, in store: any JobStore) async throws -> Bool {
        guard try await store.applyFixEvent(event) else { return false }
        if case .ciCompleted(let repo, let branch, _, _, let run, let attempt, _, _, _) = event,
            let outcome = try await store.fixOutcomes(FixOutcomeFilter(repo: repo, branch: branch, openOnly: true, limit: 1)).first
        {
            _ = try await store.enqueue(FixOutcomeCheck(repo: repo, pullNumber: outcome.pullNumber).newJob(reason: "run:\(run)#\(attempt)"))
        }
        return true
    }
}
