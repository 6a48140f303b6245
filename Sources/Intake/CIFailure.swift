import Core
import Foundation
import Queue

/// A failed workflow run to fix: the validated payload of an `autofix` job.
public struct CIFailure: Sendable, Hashable, Codable {
    public static let jobKind = "autofix"

    public var repo: String
    public var runID: UInt64
    public var runAttempt: Int
    public var workflow: String?
    public var headSHA: String?
    public var branch: String?
    public var runURL: String?
    /// Set on a follow-up correction round: the run is CI on the fix branch of an open autofix pull request,
    /// and its fix goes onto that branch. Only the worker's own outcome check sets it (no intake door reads it).
    public var followUp: FollowUp?

    /// Which autofix pull request a follow-up round corrects, and which round it is (1 for the first).
    public struct FollowUp: Sendable, Hashable, Codable {
        public var pullNumber: Int
        public var branch: String
        public var round: Int

        public init(pullNumber: Int, branch: String, round: Int) {
            self.pullNumber = pullNumber
            self.branch = branch
            self.round = round
        }

        enum CodingKeys: String, CodingKey {
            case branch, round
            case pullNumber = "pr_number"
        }
    }

    public init(
        repo: String, runID: UInt64, runAttempt: Int = 1, workflow: String? = nil, headSHA: String? = nil, branch: String? = nil, runURL: String? = nil,
        followUp: FollowUp? = nil
    ) {
        self.repo = repo
        self.runID = runID
        self.runAttempt = runAttempt
        self.workflow = workflow
        self.headSHA = headSHA
        self.branch = branch
        self.runURL = runURL
        self.followUp = followUp
    }

    enum CodingKeys: String, CodingKey {
        case repo
        case runID = "run_id"
        case runAttempt = "run_attempt"
        case workflow
        case headSHA = "head_sha"
        case branch
        case runURL = "run_url"
        case followUp = "follow_up"
    }

    /// One job per run attempt: `repo#run_id#run_attempt`.
    public var dedupeKey: String { Self.dedupeKey(repo: repo, runID: String(runID), runAttempt: String(runAttempt)) }

    /// The dedupe key's one spelling.
    public static func dedupeKey(repo: String, runID: String, runAttempt: String) -> String {
        "\(repo)#\(runID)#\(runAttempt)"
    }

    /// The payload as stored: sorted keys, absent fields omitted (the same JSON a `JSONEncoder`
    /// with sorted keys writes, without its start-up cost in a one-shot process).
    public var payloadJSON: String {
        JSONText.object([
            ("branch", branch.map(JSONText.quote)),
            (
                "follow_up",
                followUp.map {
                    JSONText.object([("branch", JSONText.quote($0.branch)), ("pr_number", String($0.pullNumber)), ("round", String($0.round))])
                }
            ),
            ("head_sha", headSHA.map(JSONText.quote)),
            ("repo", JSONText.quote(repo)), ("run_attempt", String(runAttempt)), ("run_id", String(runID)),
            ("run_url", runURL.map(JSONText.quote)), ("workflow", workflow.map(JSONText.quote)),
        ])
    }

    public func newJob(priority: Int = 0, maxAttempts: Int = 5) throws -> NewJob {
        let payload = payloadJSON
        return NewJob(kind: Self.jobKind, repo: repo, dedupeKey: dedupeKey, payload: payload, priority: priority, maxAttempts: maxAttempts)
    }
}
