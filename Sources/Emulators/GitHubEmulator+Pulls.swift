import ChildProcess
import Foundation
import HTTPTypes
import Hummingbird

extension GitHubEmulator {
    func pullJSON(_ pull: EmulatedPull, repo: String, sha: String?, full: Bool = false) -> [String: Any] {
        let defaultBranch = state.withLock { $0.repos[repo]?.defaultBranch } ?? "main"
        return GitHubShapes.pull(
            pull, repo: repo, defaultBranch: defaultBranch, headSHA: sha ?? String(repeating: "0", count: 40),
            baseSHA: String(repeating: "0", count: 40), full: full)
    }

    func listPulls(_ request: Request, _ context: BasicRequestContext) async -> Response {
        let repo = repoName(context)
        guard state.withLock({ $0.repos[repo] != nil }) else { return Self.notFound() }
        let wanted = request.uri.queryParameters.get("state").map { String($0) } ?? "open"
        let head: String? = request.uri.queryParameters.get("head").map { String($0) }
        let owner = repo.split(separator: "/").first.map(String.init) ?? ""
        let stale = state.withLock { state -> Bool in
            guard state.staleListings > 0 else { return false }
            state.staleListings -= 1
            return true
        }
        let pulls =
            stale
            ? []
            : self.pulls(repo).filter { pull in
                (wanted == "all" || pull.state == wanted) && (head == nil || head == "\(owner):\(pull.head)")
            }
        // Each head's `sha` is the branch's commit now, as GitHub reports it.
        var listed: [[String: Any]] = []
        for pull in pulls { listed.append(pullJSON(pull, repo: repo, sha: try? await branchHead(repo: repo, branch: pull.head))) }
        let (page, link) = paginate(listed, request)
        return Reply.json(.ok, page, headers: link)
    }

    /// 422 when the head branch does not exist in the bare repository or already has a pull request, like GitHub.
    func createPull(_ request: Request, _ context: BasicRequestContext) async throws -> Response {
        let repo = repoName(context)
        guard let bare = state.withLock({ $0.repos[repo]?.bare }) else { return Self.notFound() }
        let body = try await Reply.body(request)
        guard let title = body["title"] as? String, let head = body["head"] as? String, let base = body["base"] as? String else {
            return Reply.json(
                .unprocessableContent,
                GitHubShapes.validationFailed(
                    [["resource": "PullRequest", "code": "missing_field"]], docs: "https://docs.github.com/rest/pulls/pulls#create-a-pull-request"))
        }
        let branch = head.split(separator: ":").last.map(String.init) ?? head
        let resolved = try await ProcessRunner().run(
            ["git", "--git-dir", bare, "rev-parse", "--verify", "--quiet", "refs/heads/\(branch)"], timeout: .seconds(30))
        guard resolved.succeeded else {
            return Reply.json(
                .unprocessableContent,
                GitHubShapes.validationFailed(
                    [["resource": "PullRequest", "field": "head", "code": "invalid"]], docs: "https://docs.github.com/rest/pulls/pulls#create-a-pull-request"))
        }
        let owner = repo.split(separator: "/").first.map(String.init) ?? ""
        if body["draft"] as? Bool == true, state.withLock({ $0.withoutDrafts.contains(repo) }) {
            return Reply.json(
                .unprocessableContent,
                [
                    "message": "Validation Failed",
                    "errors": [["resource": "PullRequest", "code": "custom", "message": "Draft pull requests are not supported in this repository."]],
                    "documentation_url": "https://docs.github.com/rest/pulls/pulls#create-a-pull-request",
                ])
        }
        let created = state.withLock { state -> EmulatedPull? in
            if state.pulls[repo, default: []].contains(where: { $0.head == branch && $0.state == "open" }) { return nil }
            let pull = EmulatedPull(
                number: state.nextNumber, title: title, head: branch, base: base, body: body["body"] as? String ?? "",
                draft: body["draft"] as? Bool ?? false, state: "open", labels: [], comments: [])
            state.nextNumber += 1
            state.pulls[repo, default: []].append(pull)
            return pull
        }
        guard let created else {
            return Reply.json(
                .unprocessableContent,
                GitHubShapes.validationFailed(
                    [["resource": "PullRequest", "code": "custom", "message": "A pull request already exists for \(owner):\(branch)."]],
                    docs: "https://docs.github.com/rest/pulls/pulls#create-a-pull-request"))
        }
        return Reply.json(.created, pullJSON(created, repo: repo, sha: resolved.stdout.trimmingCharacters(in: .whitespacesAndNewlines), full: true))
    }

    func updatePull(_ context: BasicRequestContext, _ change: (inout EmulatedPull) -> Void) -> EmulatedPull? {
        let repo = repoName(context)
        guard let number = context.parameters.get("number").flatMap(Int.init) else { return nil }
        return state.withLock { state in
            guard let index = state.pulls[repo]?.firstIndex(where: { $0.number == number }) else { return nil }
            change(&state.pulls[repo]![index])
            return state.pulls[repo]![index]
        }
    }

    func addLabels(_ request: Request, _ context: BasicRequestContext) async throws -> Response {
        let body = try await Reply.body(request)
        guard let labels = body["labels"] as? [String] else {
            return Reply.missing("labels", docs: "https://docs.github.com/rest/issues/labels#add-labels-to-an-issue")
        }
        guard let pull = updatePull(context, { pull in pull.labels += labels.filter { !pull.labels.contains($0) } }) else { return Self.notFound() }
        return Reply.json(.ok, pull.labels.map { GitHubShapes.label(repo: repoName(context), name: $0) })
    }

    func createComment(_ request: Request, _ context: BasicRequestContext) async throws -> Response {
        let body = try await Reply.body(request)
        guard let text = body["body"] as? String else {
            return Reply.missing("body", docs: "https://docs.github.com/rest/issues/comments#create-an-issue-comment")
        }
        guard let pull = updatePull(context, { $0.comments.append(text) }) else { return Self.notFound() }
        let repo = repoName(context)
        return Reply.json(.created, GitHubShapes.comment(repo: repo, number: pull.number, index: pull.comments.count, body: text))
    }

    /// `GET /repos/{owner}/{repo}/issues/{issue_number}/comments` (docs.github.com/rest/issues/comments#list-issue-comments), paginated.
    func listComments(_ request: Request, _ context: BasicRequestContext) -> Response {
        let repo = repoName(context)
        guard let number = context.parameters.get("number").flatMap(Int.init),
            let pull = state.withLock({ $0.pulls[repo]?.first { $0.number == number } })
        else { return Self.notFound() }
        let all = pull.comments.enumerated().map { GitHubShapes.comment(repo: repo, number: pull.number, index: $0.offset + 1, body: $0.element) }
        let (page, link) = paginate(all, request)
        return Reply.json(.ok, page, headers: link)
    }
}

extension GitHubEmulator {
    /// `GET /repos/{owner}/{repo}/pulls/{pull_number}` (docs.github.com/rest/pulls/pulls#get-a-pull-request): the
    /// full "Pull Request", with `merged` and `merged_by`.
    func getPull(_ request: Request, _ context: BasicRequestContext) async throws -> Response {
        let repo = repoName(context)
        guard let number = context.parameters.get("number").flatMap(Int.init),
            let pull = state.withLock({ $0.pulls[repo]?.first { $0.number == number } })
        else { return Self.notFound() }
        let sha = try? await branchHead(repo: repo, branch: pull.head)
        return Reply.json(.ok, pullJSON(pull, repo: repo, sha: sha, full: true))
    }

    /// `PATCH /repos/{owner}/{repo}/pulls/{pull_number}` (docs.github.com/rest/pulls/pulls#update-a-pull-request):
    /// `state` (`open`, `closed`), `title`, `body`; 422 for another state. Closing sends `pull_request` `closed`
    /// with the token's user (the App's bot) as sender.
    func patchPull(_ request: Request, _ context: BasicRequestContext) async throws -> Response {
        let body = try await Reply.body(request)
        let wanted = body["state"] as? String
        if let wanted, !["open", "closed"].contains(wanted) {
            return Reply.json(
                .unprocessableContent,
                GitHubShapes.validationFailed(
                    [["resource": "PullRequest", "field": "state", "code": "invalid"]], docs: "https://docs.github.com/rest/pulls/pulls#update-a-pull-request"))
        }
        let bot = "ci-autofix[bot]"
        var closing = false
        guard
            let pull = updatePull(
                context,
                { pull in
                    if let title = body["title"] as? String { pull.title = title }
                    if let text = body["body"] as? String { pull.body = text }
                    if wanted == "closed", pull.state == "open" {
                        closing = true
                        pull.state = "closed"
                        pull.closedBy = bot
                        pull.closedAt = Date()
                    }
                    if wanted == "open", pull.state == "closed", !pull.merged {
                        pull.state = "open"
                        pull.closedBy = nil
                        pull.closedAt = nil
                    }
                })
        else { return Self.notFound() }
        let repo = repoName(context)
        if closing { _ = try? await deliver(event: "pull_request", payload: await pullRequestPayload(pull, repo: repo, action: "closed", sender: bot)) }
        let sha = try? await branchHead(repo: repo, branch: pull.head)
        return Reply.json(.ok, pullJSON(pull, repo: repo, sha: sha, full: true))
    }

    /// `PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}` (docs.github.com/rest/issues/comments#update-an-issue-comment):
    /// `body` required; 200 with the "Issue Comment".
    func patchComment(_ request: Request, _ context: BasicRequestContext) async throws -> Response {
        let body = try await Reply.body(request)
        guard let text = body["body"] as? String else {
            return Reply.missing("body", docs: "https://docs.github.com/rest/issues/comments#update-an-issue-comment")
        }
        let repo = repoName(context)
        // Comment ids are number * 100 + index (GitHubShapes.comment).
        guard let id = context.parameters.get("comment").flatMap(Int.init) else { return Self.notFound() }
        let (number, index) = (id / 100, id % 100)
        let updated = state.withLock { state -> Bool in
            guard let at = state.pulls[repo]?.firstIndex(where: { $0.number == number }), index >= 1, index <= state.pulls[repo]![at].comments.count
            else { return false }
            state.pulls[repo]![at].comments[index - 1] = text
            return true
        }
        guard updated else { return Self.notFound() }
        return Reply.json(.ok, GitHubShapes.comment(repo: repo, number: number, index: index, body: text))
    }
}
