import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// What the worker asks and does about a pull request it opened, once the pull request lives on.
extension GitHubClient {
    /// `GET /repos/{owner}/{repo}/pulls/{pull_number}` (docs.github.com/rest/pulls/pulls#get-a-pull-request):
    /// `state` and `merged`.
    public func pull(repo: String, number: Int) async throws -> PullRequest {
        try decode(PullRequest.self, try await send("GET", "/repos/\(repo)/pulls/\(number)", expect: [200]))
    }

    /// `PATCH /repos/{owner}/{repo}/pulls/{pull_number}` with `state: closed`
    /// (docs.github.com/rest/pulls/pulls#update-a-pull-request). Closing twice is harmless, so it is retried.
    public func closePull(repo: String, number: Int) async throws {
        let payload = try JSONSerialization.data(withJSONObject: ["state": "closed"])
        _ = try await send("PATCH", "/repos/\(repo)/pulls/\(number)", body: payload, expect: [200])
    }

    /// `GET /repos/{owner}/{repo}/issues/{issue_number}/comments`, every page
    /// (docs.github.com/rest/issues/comments#list-issue-comments).
    public func comments(repo: String, number: Int) async throws -> [IssueComment] {
        try await allPages("/repos/\(repo)/issues/\(number)/comments?per_page=100")
    }

    /// `PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}` (docs.github.com/rest/issues/comments#update-an-issue-comment).
    public func updateComment(repo: String, id: Int64, body: String) async throws {
        let payload = try JSONSerialization.data(withJSONObject: ["body": body])
        _ = try await send("PATCH", "/repos/\(repo)/issues/comments/\(id)", body: payload, expect: [200])
    }

    /// The newest completed runs on `branch` whose commit is the repository's own:
    /// `GET /repos/{owner}/{repo}/actions/runs?branch=…&status=completed`
    /// (docs.github.com/rest/actions/workflow-runs#list-workflow-runs-for-a-repository; newest first), one page of 20.
    public func completedRuns(repo: String, branch: String) async throws -> [WorkflowRun] {
        let query = "branch=\(Self.queryValue(branch))&status=completed&exclude_pull_requests=true&per_page=20"
        let page = try decode(RepositoryRunPage.self, try await send("GET", "/repos/\(repo)/actions/runs?\(query)", expect: [200]))
        let own = repo.lowercased()
        return page.workflowRuns.filter {
            $0.headBranch == branch && $0.status == "completed" && $0.repository?.fullName.lowercased() == own
                && $0.headRepository?.fullName.lowercased() == own
        }
    }
}
