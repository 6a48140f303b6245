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

    public init(repo: String, runID: UInt64, runAttempt: Int = 1, workflow: String? = nil, headSHA: String? = nil, branch: String? = nil, runURL: String? = nil)
    {
        self.repo = repo
        self.runID = runID
        self.runAttempt = runAttempt
        self.workflow = workflow
        self.headSHA = headSHA
        self.branch = branch
        self.runURL = runURL
    }

    enum CodingKeys: String, CodingKey {
        case repo
        case runID = "run_id"
        case runAttempt = "run_attempt"
        case workflow
        case headSHA = "head_sha"
        case branch
        case runURL = "run_url"
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
            ("branch", branch.map(JSONText.quote)), ("head_sha", headSHA.map(JSONText.quote)),
            ("repo", JSONText.quote(repo)), ("run_attempt", String(runAttempt)), ("run_id", String(runID)),
            ("run_url", runURL.map(JSONText.quote)), ("workflow", workflow.map(JSONText.quote)),
        ])
    }

    public func newJob(priority: Int = 0, maxAttempts: Int = 5) throws -> NewJob {
        let payload = payloadJSON
        return NewJob(kind: Self.jobKind, repo: repo, dedupeKey: dedupeKey, payload: payload, priority: priority, maxAttempts: maxAttempts)
    }
}
