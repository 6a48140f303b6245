import Core
import Foundation
import Queue

extension EnqueueRequest {
    /// The one way a request becomes a job row: validated, with its dedupe key and priority. Every door
    /// (the CLI's options, `--payload`, `POST /v1/jobs`, `POST /v1/dispatch`, the webhook) comes through here.
    public func newJob(maxAttempts: Int) throws -> NewJob {
        let (failure, priority) = try validated()
        return try failure.newJob(priority: priority, maxAttempts: maxAttempts)
    }

    /// A job of another kind (diagnostics, future kinds): the payload passes through as given; repo and run
    /// id, when present, make the same dedupe key a CI failure's would.
    public func newJob(kind: String, payload: String?, maxAttempts: Int) throws -> NewJob {
        guard kind.range(of: #"^[a-z][a-z0-9._-]{0,63}$"#, options: .regularExpression) != nil else {
            throw IntakeError.invalidField("job kind", "\"\(kind)\" is not lower-case letters, digits, '.', '_' or '-' (at most 64)")
        }
        let body = payload ?? "{}"
        guard (try? JSONSerialization.jsonObject(with: Data(body.utf8))) is [String: Any] else {
            throw IntakeError.invalidField("job payload", "must be a JSON object")
        }
        let priority = try validatedPriority()
        let dedupeKey = runID.map { CIFailure.dedupeKey(repo: repo ?? "", runID: $0, runAttempt: runAttempt ?? "1") }
        return NewJob(kind: kind, repo: repo, dedupeKey: dedupeKey, payload: body, priority: priority, maxAttempts: maxAttempts)
    }

    /// This request's fields, with `other`'s where this one has none (command-line options win over a payload).
    public func filling(from other: EnqueueRequest) -> EnqueueRequest {
        EnqueueRequest(
            repo: repo ?? other.repo, runID: runID ?? other.runID, runAttempt: runAttempt ?? other.runAttempt,
            workflow: workflow ?? other.workflow, headSHA: headSHA ?? other.headSHA, branch: branch ?? other.branch,
            runURL: runURL ?? other.runURL, priority: priority ?? other.priority)
    }
}
