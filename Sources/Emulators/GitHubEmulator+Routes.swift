import Foundation
import HTTPTypes
import Hummingbird

extension GitHubEmulator {
    func addRoutes(_ router: Router<BasicRequestContext>) {
        router.get("/repos/{owner}/{repo}") { _, context in self.repository(context) }
        router.get("/repos/{owner}/{repo}/installation") { request, context in self.repositoryInstallation(request, context) }
        router.get("/repos/{owner}/{repo}/actions/runs/{run}") { request, context in self.run(request, context) }
        router.get("/repos/{owner}/{repo}/actions/runs/{run}/jobs") { request, context in self.jobs(request, context) }
        router.get("/repos/{owner}/{repo}/actions/runs/{run}/attempts/{attempt}") { request, context in self.run(request, context) }
        router.get("/repos/{owner}/{repo}/actions/runs/{run}/attempts/{attempt}/jobs") { request, context in self.jobs(request, context) }
        router.get("/repos/{owner}/{repo}/actions/workflows/{workflow}/runs") { request, context in self.workflowRuns(request, context) }
        router.get("/repos/{owner}/{repo}/actions/runs") { request, context in self.workflowRuns(request, context) }
        router.get("/repos/{owner}/{repo}/actions/jobs/{job}/logs") { request, context in self.logRedirect(request, context) }
        router.get("/repos/{owner}/{repo}/pulls") { request, context in await self.listPulls(request, context) }
        router.post("/repos/{owner}/{repo}/pulls") { request, context in try await self.createPull(request, context) }
        router.get("/repos/{owner}/{repo}/pulls/{number}") { request, context in try await self.getPull(request, context) }
        router.patch("/repos/{owner}/{repo}/pulls/{number}") { request, context in try await self.patchPull(request, context) }
        router.patch("/repos/{owner}/{repo}/issues/comments/{comment}") { request, context in try await self.patchComment(request, context) }
        router.post("/repos/{owner}/{repo}/issues/{number}/labels") { request, context in try await self.addLabels(request, context) }
        router.post("/repos/{owner}/{repo}/issues/{number}/comments") { request, context in try await self.createComment(request, context) }
        router.get("/repos/{owner}/{repo}/issues/{number}/comments") { request, context in self.listComments(request, context) }
        router.post("/repos/{owner}/{repo}/dispatches") { request, context in try await self.dispatch(request, context) }
        router.post("/app/installations/{id}/access_tokens") { request, context in self.installationToken(request, context) }
    }

    func repoName(_ context: BasicRequestContext) -> String {
        "\(context.parameters.get("owner") ?? "")/\(context.parameters.get("repo") ?? "")"
    }

    func repository(_ context: BasicRequestContext) -> Response {
        let name = repoName(context)
        guard let repo = state.withLock({ $0.repos[name] }) else { return Self.notFound() }
        return Reply.json(.ok, GitHubShapes.fullRepository(name, defaultBranch: repo.defaultBranch))
    }

    func findRun(_ context: BasicRequestContext) -> EmulatedRun? {
        guard let id = context.parameters.get("run").flatMap(UInt64.init) else { return nil }
        return state.withLock { $0.runs[id] }.flatMap { $0.repo == repoName(context) ? $0 : nil }
    }

    /// `GET …/runs/{run_id}` (the latest attempt) and `GET …/runs/{run_id}/attempts/{attempt_number}`
    /// (docs.github.com/rest/actions/workflow-runs#get-a-workflow-run-attempt): `run_attempt` is the attempt shown.
    func run(_ request: Request, _ context: BasicRequestContext) -> Response {
        guard let run = findRun(context) else { return Self.notFound() }
        let number = context.parameters.get("attempt").flatMap(Int.init) ?? run.latestAttempt
        guard let attempt = run.attempt(number) else { return Self.notFound() }
        // Every field the description's "Workflow Run" schema requires (ops.json, actions/get-workflow-run).
        return Reply.json(.ok, GitHubShapes.workflowRun(run, attempt: number, conclusion: attempt.conclusion, base: base(request)))
    }

    /// Paginated like GitHub: `per_page` (max 100), `page`, and a `Link` header with `rel="next"`. For a run,
    /// `filter=latest` (the default) lists the latest attempt's jobs and `filter=all` every attempt's (ops.json,
    /// actions/list-jobs-for-workflow-run); `…/attempts/{n}/jobs` lists that attempt's
    /// (docs.github.com/rest/actions/workflow-jobs#list-jobs-for-a-workflow-run-attempt).
    func jobs(_ request: Request, _ context: BasicRequestContext) -> Response {
        guard let run = findRun(context) else { return Self.notFound() }
        let listed: [(job: EmulatedRun.Job, attempt: Int)]
        if let number = context.parameters.get("attempt").flatMap(Int.init) {
            guard let attempt = run.attempt(number) else { return Self.notFound() }
            listed = attempt.jobs.map { ($0, number) }
        } else if request.uri.queryParameters.get("filter") == "all" {
            listed = (1...run.latestAttempt).flatMap { number in (run.attempt(number)?.jobs ?? []).map { ($0, number) } }
        } else {
            listed = run.jobs.map { ($0, run.latestAttempt) }
        }
        let all = listed.map { GitHubShapes.job($0.job, run: run, attempt: $0.attempt, base: base(request)) }
        let (page, link) = paginate(all, request)
        return Reply.json(.ok, ["total_count": all.count, "jobs": page], headers: link)
    }

    /// `GET …/actions/workflows/{workflow_id}/runs` (docs.github.com/rest/actions/workflow-runs#list-workflow-runs-for-a-workflow)
    /// and `GET …/actions/runs` (#list-workflow-runs-for-a-repository): the runs, newest first, as
    /// `{total_count, workflow_runs}`; `branch` is the head branch; `status` is a status (`completed`,
    /// `queued`, `in_progress`, …) or a conclusion (`success`, `failure`, …); `event` the triggering event;
    /// paginated like every list. Every emulated run is completed and belongs to workflow 1.
    func workflowRuns(_ request: Request, _ context: BasicRequestContext) -> Response {
        let repo = repoName(context)
        guard context.parameters.get("workflow") ?? "1" == "1", state.withLock({ $0.repos[repo] != nil }) else {
            return Self.notFound()
        }
        let event = request.uri.queryParameters.get("event").map { String($0) }
        let query = request.uri.queryParameters
        let branch = query.get("branch").map { String($0) }
        let status = query.get("status").map { String($0) }
        let runs = state.withLock { Array($0.runs.values) }
            .filter { run in
                guard run.repo == repo, branch == nil || run.headBranch == branch, event == nil || run.event == event else { return false }
                guard let status else { return true }
                return status == "completed" || status == run.conclusion
            }
            .sorted { $0.id > $1.id }
        let all = runs.map { GitHubShapes.workflowRun($0, attempt: $0.latestAttempt, conclusion: $0.conclusion, base: base(request)) }
        let (page, link) = paginate(all, request)
        return Reply.json(.ok, ["total_count": all.count, "workflow_runs": page], headers: link)
    }

    func paginate<T>(_ items: [T], _ request: Request) -> ([T], HTTPFields) {
        let perPage = min(100, max(1, request.uri.queryParameters.get("per_page").flatMap { Int($0) } ?? 30))
        let page = max(1, request.uri.queryParameters.get("page").flatMap { Int($0) } ?? 1)
        let start = min(items.count, (page - 1) * perPage)
        let slice = Array(items[start..<min(items.count, start + perPage)])
        var headers: HTTPFields = [:]
        if start + perPage < items.count {
            let unreserved = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~")
            var query = request.uri.queryParameters.filter { $0.key != "page" }.map {
                "\($0.key)=\(String($0.value).addingPercentEncoding(withAllowedCharacters: unreserved) ?? "")"
            }
            query.append("page=\(page + 1)")
            headers[HTTPField.Name("Link")!] = "<\(base(request))\(request.uri.path)?\(query.joined(separator: "&"))>; rel=\"next\""
        }
        return (slice, headers)
    }

    func base(_ request: Request) -> String {
        "http://\(request.head.authority ?? "127.0.0.1")"
    }

    /// `302 Found` to a short-lived pre-signed URL on another host, as GitHub does: "Anyone with read access
    /// to the repository can use this endpoint… looks for Location: in the response header" (ops.json,
    /// actions/download-job-logs-for-workflow-run; docs.github.com/rest/actions/workflow-jobs).
    func logRedirect(_ request: Request, _ context: BasicRequestContext) -> Response {
        guard let id = context.parameters.get("job").flatMap(Int64.init),
            state.withLock({ $0.runs.values.contains { $0.repo == repoName(context) && $0.allJobs.contains { $0.id == id } } }),
            let storage = state.withLock({ $0.storageURL })
        else {
            return Self.notFound()
        }
        let expiry = Int(Date().timeIntervalSince1970) + 60
        return Response(
            status: .found,
            headers: [.location: "\(storage.absoluteString)/job-logs/\(id)?sv=2021-08-06&se=\(expiry)&sr=b&sp=r&sig=\(Self.signature(id, expiry))"])
    }

    static func signature(_ job: Int64, _ expiry: Int) -> String {
        "emulated\(job)x\(expiry)"
    }

    func logBlob(_ request: Request, _ context: BasicRequestContext) -> Response {
        let query = request.uri.queryParameters
        guard let id = context.parameters.get("job").flatMap(Int64.init), let expiry = query.get("se").flatMap(Int.init),
            query.get("sig") == Self.signature(id, expiry), expiry >= Int(Date().timeIntervalSince1970)
        else {
            return BlobStorageGate.error(
                .forbidden, code: "AuthenticationFailed",
                message: "Server failed to authenticate the request. Make sure the value of Authorization header is formed correctly including the signature.")
        }
        guard let log = state.withLock({ $0.runs.values.flatMap(\.allJobs).first { $0.id == id }?.log }) else {
            return BlobStorageGate.error(.notFound, code: "BlobNotFound", message: "The specified blob does not exist.")
        }
        return Reply.text(.ok, log)
    }

    func dispatch(_ request: Request, _ context: BasicRequestContext) async throws -> Response {
        let body = try await Reply.body(request)
        guard state.withLock({ $0.repos[repoName(context)] != nil }) else { return Self.notFound() }
        guard body["event_type"] is String else {
            return Reply.missing("event_type", docs: "https://docs.github.com/rest/repos/repos#create-a-repository-dispatch-event")
        }
        return Response(status: .noContent)
    }
}
