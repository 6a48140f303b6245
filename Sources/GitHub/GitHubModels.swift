import Foundation

/// `GET /repos/{owner}/{repo}/actions/runs/{run_id}` (fields we use; unknown ones are ignored).
public struct WorkflowRun: Sendable, Decodable, Hashable {
    public var id: Int64
    public var name: String?
    public var headBranch: String?
    public var headSHA: String
    public var status: String?
    public var conclusion: String?
    public var htmlURL: String?
    public var runAttempt: Int?
    public var runNumber: Int?
    public var workflowID: Int64?
    /// The repository the run belongs to, and the one its head commit comes from (a fork's, for a fork's pull request).
    public var repository: RepositoryName?
    public var headRepository: RepositoryName?

    /// `full_name` of a "Minimal Repository" object.
    public struct RepositoryName: Sendable, Decodable, Hashable {
        public var fullName: String

        enum CodingKeys: String, CodingKey {
            case fullName = "full_name"
        }
    }

    enum CodingKeys: String, CodingKey {
        case id, name, status, conclusion, repository
        case headRepository = "head_repository"
        case headBranch = "head_branch"
        case headSHA = "head_sha"
        case htmlURL = "html_url"
        case runAttempt = "run_attempt"
        case runNumber = "run_number"
        case workflowID = "workflow_id"
    }
}

/// `GET …/actions/workflows/{workflow_id}/runs`.
struct WorkflowRunPage: Decodable {
    var totalCount: Int
    var workflowRuns: [WorkflowRun]

    enum CodingKeys: String, CodingKey {
        case totalCount = "total_count"
        case workflowRuns = "workflow_runs"
    }
}

/// One job of a run.
public struct WorkflowJob: Sendable, Decodable, Hashable {
    public var id: Int64
    public var name: String
    public var status: String?
    public var conclusion: String?
    public var htmlURL: String?

    enum CodingKeys: String, CodingKey {
        case id, name, status, conclusion
        case htmlURL = "html_url"
    }
}

struct WorkflowJobPage: Decodable {
    var totalCount: Int
    var jobs: [WorkflowJob]

    enum CodingKeys: String, CodingKey {
        case jobs
        case totalCount = "total_count"
    }
}

/// `GET /repos/{owner}/{repo}`.
public struct Repository: Sendable, Decodable, Hashable {
    public var fullName: String
    public var defaultBranch: String
    public var htmlURL: String?
    public var cloneURL: String?

    enum CodingKeys: String, CodingKey {
        case fullName = "full_name"
        case defaultBranch = "default_branch"
        case htmlURL = "html_url"
        case cloneURL = "clone_url"
    }
}

/// A pull request, as list and create return it.
public struct PullRequest: Sendable, Decodable, Hashable {
    public struct Ref: Sendable, Decodable, Hashable {
        public var ref: String
        public var sha: String?
    }

    public var number: Int
    public var htmlURL: String
    public var state: String
    public var draft: Bool?
    public var title: String
    public var head: Ref
    public var base: Ref
    /// Only in a single pull request's answer (`GET …/pulls/{pull_number}`), not in lists.
    public var merged: Bool?

    enum CodingKeys: String, CodingKey {
        case number, state, draft, title, head, base, merged
        case htmlURL = "html_url"
    }
}

/// An issue or pull request comment (`GET …/issues/{issue_number}/comments`).
public struct IssueComment: Sendable, Decodable, Hashable {
    public struct User: Sendable, Decodable, Hashable {
        public var login: String
    }

    public var id: Int64
    public var body: String
    /// Who wrote it: the bot's own comments are the only ones it reads as its own.
    public var user: User?

    enum CodingKeys: String, CodingKey {
        case id, body, user
    }
}

/// `GET /repos/{owner}/{repo}/actions/runs`.
struct RepositoryRunPage: Decodable {
    var workflowRuns: [WorkflowRun]

    enum CodingKeys: String, CodingKey {
        case workflowRuns = "workflow_runs"
    }
}
