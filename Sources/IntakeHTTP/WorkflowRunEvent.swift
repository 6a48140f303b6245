import Foundation
import Intake

/// GitHub's `workflow_run` webhook payload, the fields the intake reads
/// (docs.github.com/webhooks/webhook-events-and-payloads#workflow_run).
struct WorkflowRunEvent: Decodable {
    struct Run: Decodable {
        var id: Int64
        var name: String?
        var runAttempt: Int?
        var conclusion: String?
        var headSHA: String?
        var headBranch: String?
        var htmlURL: String?
        var updatedAt: String?
        var headRepository: Repository?
        var workflowID: Int64?

        enum CodingKeys: String, CodingKey {
            case id, name, conclusion
            case updatedAt = "updated_at"
            case headRepository = "head_repository"
            case workflowID = "workflow_id"
            case runAttempt = "run_attempt"
            case headSHA = "head_sha"
            case headBranch = "head_branch"
            case htmlURL = "html_url"
        }
    }

    struct Repository: Decodable {
        var fullName: String?

        enum CodingKeys: String, CodingKey {
            case fullName = "full_name"
        }
    }

    var action: String?
    var workflowRun: Run?
    var repository: Repository?

    enum CodingKeys: String, CodingKey {
        case action, repository
        case workflowRun = "workflow_run"
    }

    /// The enqueue request the run makes, the same one the other doors make.
    func request(_ run: Run) -> EnqueueRequest {
        EnqueueRequest(
            repo: repository?.fullName, runID: String(run.id), runAttempt: run.runAttempt.map(String.init), workflow: run.name,
            headSHA: run.headSHA, branch: run.headBranch, runURL: run.htmlURL)
    }
}
