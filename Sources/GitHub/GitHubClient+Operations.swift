import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

extension GitHubClient {
    /// `GET /repos/{owner}/{repo}/actions/runs/{run_id}` (the latest attempt), or with `attempt`
    /// `GET …/runs/{run_id}/attempts/{attempt_number}`: a re-run must not change what one attempt's job sees.
    public func workflowRun(repo: String, runID: UInt64, attempt: Int? = nil) async throws -> WorkflowRun {
        let path = attempt.map { "/repos/\(repo)/actions/runs/\(runID)/attempts/\($0)" } ?? "/repos/\(repo)/actions/runs/\(runID)"
        return try decode(WorkflowRun.self, try await send("GET", path, expect: [200]))
    }

    /// The newest successful run of workflow `workflowID` on `branch` numbered before `runNumber` whose
    /// commit is the repository's own (a pull request from a fork can have a branch of the same name), or
    /// nil: `GET …/actions/workflows/{workflow_id}/runs?branch=…&status=success`
    /// (docs.github.com/rest/actions/workflow-runs#list-workflow-runs-for-a-workflow; `branch` is the head
    /// branch, `status` takes a conclusion). One page of 50, the newest chosen by `run_number` rather
    /// than by the page's order.
    public func lastSuccessfulRun(repo: String, workflowID: Int64, branch: String, before runNumber: Int) async throws -> WorkflowRun? {
        guard !branch.isEmpty else { return nil }
        let encoded = "branch=\(Self.queryValue(branch))&status=success&exclude_pull_requests=true&per_page=50"
        let page = try decode(WorkflowRunPage.self, try await send("GET", "/repos/\(repo)/actions/workflows/\(workflowID)/runs?\(encoded)", expect: [200]))
        let own = repo.lowercased()
        return page.workflowRuns.filter { run in
            guard let number = run.runNumber, number < runNumber, run.conclusion == "success", run.headBranch == branch,
                run.repository?.fullName.lowercased() == own, run.headRepository?.fullName.lowercased() == own
            else { return false }
            return true
        }.max { ($0.runNumber ?? 0) < ($1.runNumber ?? 0) }
    }

    /// `GET …/runs/{run_id}/jobs?filter=latest` or `GET …/runs/{run_id}/attempts/{attempt_number}/jobs`, every page (`Link: rel="next"`).
    public func jobs(repo: String, runID: UInt64, attempt: Int? = nil) async throws -> [WorkflowJob] {
        let first =
            attempt.map { "/repos/\(repo)/actions/runs/\(runID)/attempts/\($0)/jobs?per_page=100" }
            ?? "/repos/\(repo)/actions/runs/\(runID)/jobs?filter=latest&per_page=100"
        var next: URL? = url(first)
        var jobs: [WorkflowJob] = []
        while let page = next, jobs.count < 10_000 {
            let answer = try await send("GET", page, expect: [200])
            jobs += try decode(WorkflowJobPage.self, answer).jobs
            next = Self.nextPage(answer.response)
        }
        return jobs
    }

    /// `GET …/actions/jobs/{job_id}/logs` (a 302 to the log's storage, followed), streamed to `file`.
    public func downloadJobLog(repo: String, jobID: Int64, to file: URL) async throws {
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        _ = try await send("GET", url("/repos/\(repo)/actions/jobs/\(jobID)/logs"), expect: [200], download: file)
    }

    /// `GET /repos/{owner}/{repo}`.
    public func repository(_ repo: String) async throws -> Repository {
        try decode(Repository.self, try await send("GET", "/repos/\(repo)", expect: [200]))
    }

    /// `GET /repos/{owner}/{repo}/pulls`, every page; `head` is `owner:branch`.
    public func pulls(repo: String, state: String = "open", head: String? = nil) async throws -> [PullRequest] {
        var query = "state=\(state)&per_page=100"
        if let head { query += "&head=\(head.addingPercentEncoding(withAllowedCharacters: .urlQueryAllowed) ?? head)" }
        return try await allPages("/repos/\(repo)/pulls?\(query)")
    }

    /// `POST /repos/{owner}/{repo}/pulls` with `draft: true`.
    public func createDraftPull(repo: String, title: String, head: String, base: String, body: String, draft: Bool = true) async throws -> PullRequest {
        let payload = try JSONSerialization.data(withJSONObject: [
            "title": title, "head": head, "base": base, "body": body, "draft": draft, "maintainer_can_modify": true,
        ])
        return try decode(PullRequest.self, try await send("POST", "/repos/\(repo)/pulls", body: payload, expect: [201]))
    }

    /// `POST /repos/{owner}/{repo}/issues/{number}/labels`.
    public func addLabels(repo: String, number: Int, labels: [String]) async throws {
        let payload = try JSONSerialization.data(withJSONObject: ["labels": labels])
        _ = try await send("POST", "/repos/\(repo)/issues/\(number)/labels", body: payload, expect: [200])
    }

    /// `POST /repos/{owner}/{repo}/issues/{number}/comments`; returns the comment's URL. Not retried in place
    /// after a 5xx: the comment may exist already (callers look before posting again).
    @discardableResult
    public func createComment(repo: String, number: Int, body: String) async throws -> String {
        let payload = try JSONSerialization.data(withJSONObject: ["body": body])
        let answer = try await send("POST", "/repos/\(repo)/issues/\(number)/comments", body: payload, expect: [201], idempotent: false)
        return ((try? JSONSerialization.jsonObject(with: answer.data)) as? [String: Any])?["html_url"] as? String ?? ""
    }

    /// `GET /repos/{owner}/{repo}/issues/{number}/comments`, every page: the comments' bodies.
    public func commentBodies(repo: String, number: Int) async throws -> [String] {
        try await comments(repo: repo, number: number).map(\.body)
    }

    /// `POST /repos/{owner}/{repo}/dispatches`: triggers `repository_dispatch` (the seed's `dispatchWorkflow`).
    public func createDispatchEvent(repo: String, eventType: String, clientPayload: [String: Any]) async throws {
        let body = try JSONSerialization.data(withJSONObject: ["event_type": eventType, "client_payload": clientPayload])
        _ = try await send("POST", "/repos/\(repo)/dispatches", body: body, expect: [204])
    }

    /// `GET /repos/{owner}/{repo}/installation`, authenticated with the App's JWT: the installation that covers the repository.
    func installationID(repo: String, jwt: String) async throws -> Int64 {
        let answer = try await send("GET", "/repos/\(repo)/installation", expect: [200], bearer: jwt)
        guard let json = (try? JSONSerialization.jsonObject(with: answer.data)) as? [String: Any], let id = (json["id"] as? NSNumber)?.int64Value else {
            throw GitHubError.unexpected(status: 200, "no id in the installation answer")
        }
        return id
    }

    /// `POST /app/installations/{id}/access_tokens`, authenticated with the App's JWT.
    func createInstallationToken(installationID: Int64, jwt: String) async throws -> (String, Date) {
        let answer = try await send("POST", "/app/installations/\(installationID)/access_tokens", expect: [201], bearer: jwt)
        guard let json = (try? JSONSerialization.jsonObject(with: answer.data)) as? [String: Any], let token = json["token"] as? String else {
            throw GitHubError.unexpected(status: 201, "no token in the installation token answer")
        }
        let expires = (json["expires_at"] as? String).flatMap { ISO8601DateFormatter().date(from: $0) } ?? Date().addingTimeInterval(3600)
        return (token, expires)
    }
}

extension GitHubClient {
    /// The token requests are made with (for git over https); an App mints or reuses an installation token.
    public func accessToken() async throws -> String {
        try await credentials.bearer(self)
    }
}
