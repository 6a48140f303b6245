import Emulators
import Foundation
import GitHub
import Synchronization
import TestSupport
import Testing
import _CryptoExtras

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// The emulators against the real APIs' descriptions: every route of `GitHubEmulator` (its storage host included)
/// and every scripted step of `ScriptedLLMServer` is driven over HTTP, each exchange is written as one JSON line,
/// and `scripts/check-emulator-contract` checks them against ../shared/corpus (GitHub's OpenAPI description,
/// OpenAI's, Anthropic's recorded exchanges). Drift in a status, a field or a shape fails here.
@Suite struct EmulatorContractTests {
    static let token = "ghp_" + "contractTestsToken0123456789abcdef"
    static let repo = "octo/app"
    static let runID: UInt64 = 777

    static var repositoryRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    static var checker: URL { repositoryRoot.appendingPathComponent("scripts/check-emulator-contract") }

    /// Where the script looks by default (its --corpus): $AUTOFIX_CORPUS, else ../shared/corpus beside the repository.
    static var corpus: URL {
        if let path = ProcessInfo.processInfo.environment["AUTOFIX_CORPUS"] { return URL(fileURLWithPath: path) }
        return repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared/corpus")
    }

    static let corpusAvailable = FileManager.default.fileExists(atPath: corpus.appendingPathComponent("github-api/ops.json").path)

    // MARK: - The checker itself

    @Test(.enabled(if: EmulatorContractTests.corpusAvailable, "needs ../shared/corpus (github-api, llm-api)"))
    func checker_acceptsTheCorpusOwnExamples() throws {
        let result = try Self.runChecker(["--self-test"])
        #expect(result.status == 0, "\(result.output)")
    }

    @Test(.enabled(if: EmulatorContractTests.corpusAvailable, "needs ../shared/corpus (github-api, llm-api)"))
    func checker_rejectsABrokenExchange() throws {
        // A workflow run whose id is a string and that lacks every other required field, and a route GitHub does not have.
        let lines = [
            #"{"service":"github","method":"GET","path":"/repos/octo/app/actions/runs/1","status":200,"headers":{"content-type":"application/json"},"body":{"id":"1"}}"#,
            #"{"service":"github","method":"GET","path":"/repos/octo/app/actions/artifacts","status":200,"headers":{"content-type":"application/json"},"body":{}}"#,
            // A webhook delivery without a signature, of an undocumented action, missing `workflow`.
            #"{"service":"github-webhook","method":"POST","path":"/workflow_run","status":202,"headers":{},"request_headers":{"x-github-event":"workflow_run","x-github-delivery":"0f0e0d0c-0b0a-0908-0706-050403020100","content-type":"application/json","user-agent":"GitHub-Hookshot/1"},"body":{"action":"done","workflow_run":{},"repository":{},"sender":{"login":"x","id":1}}}"#,
        ]
        let file = try Self.writeTemporary(lines)
        let result = try Self.runChecker([file.path])
        #expect(result.status == 1, "\(result.output)")
        #expect(
            result.output.contains("wrong type") && result.output.contains("missing required") && result.output.contains("unknown route"), "\(result.output)")
        #expect(
            result.output.contains("X-Hub-Signature-256 is not") && result.output.contains("missing required fields: workflow")
                && result.output.contains("not one of the documented actions"), "\(result.output)")
    }

    // MARK: - The emulators

    @Test(.enabled(if: EmulatorContractTests.corpusAvailable, "needs ../shared/corpus (github-api, llm-api)"))
    func everyEmulatedExchange_matchesTheRealAPIs() async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("autofix-contract-\(UUID().uuidString.prefix(8))").path
        let bare = "\(dir)/remote/\(Self.repo).git"
        let sha = try await GitFixture.bareRepository(at: bare, files: ["README.md": "contract\n"], scratch: "\(dir)/upstream")
        try await GitFixture.run(["git", "push", "-q", bare, "HEAD:refs/heads/ci/autofix-1"], in: "\(dir)/upstream")

        let appKey = try _RSA.Signing.PrivateKey(keySize: .bits2048)
        let github = GitHubEmulator(tokens: [Self.token])
        github.addRepository(Self.repo, bare: bare)
        github.addRepository("octo/other", bare: bare)
        github.addRepository("octo/nodrafts", bare: bare)
        github.disableDrafts("octo/nodrafts")
        try github.registerApp(id: "42", publicKeyPEM: appKey.publicKey.pemRepresentation)
        github.install(Self.repo, installation: 7)
        github.install("octo/nodrafts", installation: 7)
        github.install("octo/other", installation: 8)
        var emulated = EmulatedRun(
            id: Self.runID, repo: Self.repo, name: "CI", headSHA: sha, headBranch: "main",
            jobs: [
                .init(id: 51, name: "build", conclusion: "success", log: "ok\n"), .init(id: 52, name: "test", conclusion: "failure", log: "E assert 5 == -1\n"),
            ])
        emulated.earlierAttempts = [(conclusion: "failure", jobs: [.init(id: 41, name: "test", conclusion: "failure", log: "E first attempt\n")])]
        github.addRun(emulated)
        let llm = ScriptedLLMServer()
        let driver = ContractDriver()
        let jwt = try GitHubAppJWT(appID: "42", privateKeyPEM: appKey.pemRepresentation).token()

        let implemented = try await github.run { api in
            try await WebhookSink.run { hook in
                github.deliverWebhooks(to: hook, secret: "contract-webhook-secret")
                try await Self.driveGitHub(driver, github, api: api, jwt: jwt)
            }
            try await llm.run { base in try await Self.driveLLM(driver, llm, base: base) }
            // Last, and not recorded: which ops.json operations the emulator routes at all (see `probe`).
            return try await Self.probe(driver, api: api)
        }
        driver.session.finishTasksAndInvalidate()

        let file = try Self.writeTemporary(driver.log.lines)
        let result = try Self.runChecker([file.path])
        #expect(result.status == 0, "scripts/check-emulator-contract \(file.path):\n\(result.output)")

        // Coverage: every ops.json operation the emulator serves, and every allow-listed GitHub route, was exercised.
        let listed = try Self.runChecker(["--list-operations"])
        try #require(listed.status == 0, "\(listed.output)")
        let routes = listed.output.split(separator: "\n").map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
            .filter { $0.count >= 4 }
        let recorded = driver.log.requests
        var uncovered: [String] = []
        for route in routes {
            let (source, id, method, template) = (route[0], route[1], route[2], route[3])
            // ops.json: the operations the emulators serve; every other route (allow-list, OpenAI, Anthropic) is served.
            guard source != "ops.json" || implemented.contains(id) else { continue }
            let pattern = Self.templateRegex(template)
            if !recorded.contains(where: {
                $0.method == method && $0.path.split(separator: "?", maxSplits: 1).first.map(String.init).map { pattern.contractMatches($0) } == true
            }) {
                uncovered.append("\(source) \(id) \(method) \(template)")
            }
        }
        #expect(uncovered.isEmpty, "emulated operations no exchange exercised: \(uncovered)")
        #expect(implemented.contains("actions/get-workflow-run"), "the probe misreads the router: \(implemented.sorted())")
        try? FileManager.default.removeItem(atPath: dir)
    }

    // MARK: - GitHub

    static func driveGitHub(_ d: ContractDriver, _ github: GitHubEmulator, api: URL, jwt: String) async throws {
        let auth = ["Authorization": "Bearer \(token)"]
        let runs = "/repos/\(repo)/actions/runs/\(runID)"

        // repos/get: 200, 404, 401 (bad and missing token).
        try await d.github(api, "GET", "/repos/\(repo)", headers: auth, expect: 200)
        try await d.github(api, "GET", "/repos/octo/missing", headers: auth, expect: 404)
        try await d.github(api, "GET", "/repos/\(repo)", headers: ["Authorization": "Bearer ghp_wrong"], expect: 401)
        try await d.github(api, "GET", "/repos/\(repo)", headers: [:], expect: 401)
        try await d.github(api, "GET", "/repos/\(repo)", headers: ["Authorization": "token \(token)"], expect: 200)

        // Workflow runs and their attempts.
        try await d.github(api, "GET", runs, headers: auth, expect: 200)
        try await d.github(api, "GET", "/repos/\(repo)/actions/runs/999", headers: auth, expect: 404)
        try await d.github(api, "GET", "/repos/octo/missing/actions/runs/\(runID)", headers: auth, expect: 404)
        try await d.github(api, "GET", "\(runs)/attempts/1", headers: auth, expect: 200)
        try await d.github(api, "GET", "\(runs)/attempts/2", headers: auth, expect: 200)
        try await d.github(api, "GET", "\(runs)/attempts/9", headers: auth, expect: 404)

        // A workflow's runs, newest first, filtered by branch and conclusion; an unknown workflow.
        let listed = try await d.github(api, "GET", "/repos/\(repo)/actions/workflows/1/runs?branch=main&status=failure&per_page=5", headers: auth, expect: 200)
        let page = try JSONSerialization.jsonObject(with: Data(listed.text.utf8)) as? [String: Any]
        #expect(page?["total_count"] as? Int == 1, "\(listed.text.prefix(200))")
        try await d.github(api, "GET", "/repos/\(repo)/actions/workflows/1/runs?status=success", headers: auth, expect: 200)
        try await d.github(api, "GET", "/repos/\(repo)/actions/workflows/99/runs", headers: auth, expect: 404)

        // Jobs: latest attempt, every attempt, paginated (Link), one attempt's.
        try await d.github(api, "GET", "\(runs)/jobs", headers: auth, expect: 200)
        try await d.github(api, "GET", "\(runs)/jobs?filter=all", headers: auth, expect: 200)
        let firstPage = try await d.github(api, "GET", "\(runs)/jobs?per_page=1", headers: auth, expect: 200)
        #expect(firstPage.headers["link"]?.contains("rel=\"next\"") == true, "\(firstPage.headers)")
        try await d.github(api, "GET", "\(runs)/jobs?per_page=1&page=2", headers: auth, expect: 200)
        try await d.github(api, "GET", "/repos/\(repo)/actions/runs/999/jobs", headers: auth, expect: 404)
        try await d.github(api, "GET", "\(runs)/attempts/1/jobs", headers: auth, expect: 200)
        try await d.github(api, "GET", "\(runs)/attempts/9/jobs", headers: auth, expect: 404)

        // Job logs: the 302 itself (redirects refused), then the storage host it points at.
        let redirect = try await d.github(api, "GET", "/repos/\(repo)/actions/jobs/52/logs", headers: auth, expect: 302)
        try await d.github(api, "GET", "/repos/\(repo)/actions/jobs/41/logs", headers: auth, expect: 302)
        try await d.github(api, "GET", "/repos/\(repo)/actions/jobs/9999/logs", headers: auth, expect: 404)
        let location = try #require(redirect.headers["location"].flatMap { URL(string: $0) }, "302 without a usable Location: \(redirect.headers)")
        try await d.storage(location, headers: [:], expect: 200)
        try await d.storage(location, headers: ["Authorization": "Bearer \(token)"], expect: 400)
        let tampered = try #require(URL(string: location.absoluteString.replacingOccurrences(of: "sig=", with: "sig=x")))
        try await d.storage(tampered, headers: [:], expect: 403)

        // Pull requests: list, create (draft), a second one on the same branch (422), bad head (422), missing title (422).
        let json = auth.merging(["Content-Type": "application/json"]) { $1 }
        let pull = #"{"title":"Fix add","head":"ci/autofix-1","base":"main","body":"Autofix","draft":true}"#
        try await d.github(api, "GET", "/repos/\(repo)/pulls", headers: auth, expect: 200)
        try await d.github(api, "POST", "/repos/\(repo)/pulls", headers: json, body: pull, expect: 201)
        try await d.github(api, "POST", "/repos/\(repo)/pulls", headers: json, body: pull, expect: 422)
        try await d.github(
            api, "POST", "/repos/\(repo)/pulls", headers: json,
            body: #"{"title":"x","head":"no-such-branch","base":"main"}"#, expect: 422)
        try await d.github(api, "POST", "/repos/\(repo)/pulls", headers: json, body: #"{"head":"ci/autofix-1","base":"main"}"#, expect: 422)
        try await d.github(api, "POST", "/repos/octo/missing/pulls", headers: json, body: pull, expect: 404)
        try await d.github(api, "GET", "/repos/\(repo)/pulls?state=open&head=octo:ci/autofix-1", headers: auth, expect: 200)
        try await d.github(api, "GET", "/repos/\(repo)/pulls?state=all&per_page=100", headers: auth, expect: 200)
        try await d.github(api, "GET", "/repos/octo/missing/pulls", headers: auth, expect: 404)
        // A repository whose plan has no draft pull requests refuses a draft (422) and takes a ready one.
        try await d.github(api, "POST", "/repos/octo/nodrafts/pulls", headers: json, body: pull, expect: 422)
        try await d.github(
            api, "POST", "/repos/octo/nodrafts/pulls", headers: json,
            body: #"{"title":"Fix add","head":"ci/autofix-1","base":"main","body":"Autofix","draft":false}"#, expect: 201)

        // Labels and comments on the pull request (1), their 422s and a missing issue.
        try await d.github(api, "POST", "/repos/\(repo)/issues/1/labels", headers: json, body: #"{"labels":["autofix"]}"#, expect: 200)
        try await d.github(api, "POST", "/repos/\(repo)/issues/1/labels", headers: json, body: #"{}"#, expect: 422)
        try await d.github(api, "POST", "/repos/\(repo)/issues/999/labels", headers: json, body: #"{"labels":["autofix"]}"#, expect: 404)
        try await d.github(api, "POST", "/repos/\(repo)/issues/1/comments", headers: json, body: #"{"body":"Tests pass on the branch."}"#, expect: 201)
        try await d.github(api, "POST", "/repos/\(repo)/issues/1/comments", headers: json, body: #"{}"#, expect: 422)
        try await d.github(api, "POST", "/repos/\(repo)/issues/999/comments", headers: json, body: #"{"body":"x"}"#, expect: 404)
        try await d.github(api, "POST", "/repos/\(repo)/issues/1/comments", headers: json, body: #"{"body":"Second."}"#, expect: 201)
        try await d.github(api, "GET", "/repos/\(repo)/issues/1/comments", headers: auth, expect: 200)
        try await d.github(api, "GET", "/repos/\(repo)/issues/1/comments?per_page=1", headers: auth, expect: 200)
        try await d.github(api, "GET", "/repos/\(repo)/issues/999/comments", headers: auth, expect: 404)

        // One pull request, its comment edited, CI on its branch; then closed by the bot's PATCH.
        try await d.github(api, "GET", "/repos/\(repo)/pulls/1", headers: auth, expect: 200)
        try await d.github(api, "GET", "/repos/\(repo)/pulls/999", headers: auth, expect: 404)
        try await d.github(api, "PATCH", "/repos/\(repo)/issues/comments/101", headers: json, body: #"{"body":"Tests pass; CI passed."}"#, expect: 200)
        try await d.github(api, "PATCH", "/repos/\(repo)/issues/comments/101", headers: json, body: #"{}"#, expect: 422)
        try await d.github(api, "PATCH", "/repos/\(repo)/issues/comments/99901", headers: json, body: #"{"body":"x"}"#, expect: 404)
        try await github.runCI(repo: repo, branch: "ci/autofix-1", command: ["sh", "-c", "echo 1 passed"])
        try await github.runCI(repo: repo, branch: "ci/autofix-1", command: ["sh", "-c", "echo 'E assert 1 == 2'; exit 1"])
        let branchRuns = try await d.github(
            api, "GET", "/repos/\(repo)/actions/runs?branch=ci%2Fautofix-1&status=completed&exclude_pull_requests=true&per_page=20", headers: auth,
            expect: 200)
        #expect((branchRuns.json as? [String: Any])?["total_count"] as? Int == 2, "\(branchRuns.text.prefix(200))")
        try await d.github(api, "GET", "/repos/\(repo)/actions/runs?event=push&status=failure", headers: auth, expect: 200)
        try await d.github(api, "PATCH", "/repos/\(repo)/pulls/1", headers: json, body: #"{"state":"merged"}"#, expect: 422)
        try await d.github(api, "PATCH", "/repos/\(repo)/pulls/1", headers: json, body: #"{"state":"closed"}"#, expect: 200)
        try await d.github(api, "PATCH", "/repos/\(repo)/pulls/999", headers: json, body: #"{"state":"closed"}"#, expect: 404)
        try await github.mergePull("octo/nodrafts", number: 2, by: "octocat")
        for delivery in github.deliveries {
            let parsed = try? JSONSerialization.jsonObject(with: Data(delivery.body.utf8))
            #expect(delivery.status == 202, "the sink accepts every delivery")
            d.record(
                service: "github-webhook", method: "POST", path: "/\(delivery.event)",
                answer: ContractAnswer(status: delivery.status, headers: [:], text: delivery.body, json: parsed), requestHeaders: delivery.headers)
        }
        #expect(
            github.deliveries.map { "\($0.event).\($0.action)" } == [
                "workflow_run.requested", "workflow_run.completed", "workflow_run.requested", "workflow_run.completed", "pull_request.closed",
                "pull_request.closed",
            ])

        // Repository dispatch.
        try await d.github(
            api, "POST", "/repos/\(repo)/dispatches", headers: json, body: #"{"event_type":"autofix","client_payload":{"run":777}}"#, expect: 204)
        try await d.github(api, "POST", "/repos/\(repo)/dispatches", headers: json, body: #"{}"#, expect: 422)
        try await d.github(api, "POST", "/repos/octo/missing/dispatches", headers: json, body: #"{"event_type":"autofix"}"#, expect: 404)

        // The repository's installation, with the App's JWT: 200, 401 (malformed JWT, none), 404 (not installed).
        let appJSON = ["Authorization": "Bearer \(jwt)", "Accept": "application/vnd.github+json"]
        try await d.github(api, "GET", "/repos/\(repo)/installation", headers: appJSON, expect: 200)
        try await d.github(api, "GET", "/repos/\(repo)/installation", headers: ["Authorization": "Bearer not.a.jwt"], expect: 401)
        try await d.github(api, "GET", "/repos/\(repo)/installation", headers: [:], expect: 401)
        try await d.github(api, "GET", "/repos/octo/missing/installation", headers: appJSON, expect: 404)

        // Installation token: a valid App JWT (201), a malformed one and none (401); the minted token then works
        // on its installation's repositories and is "Not Found" on another installation's.
        let minted = try await d.github(
            api, "POST", "/app/installations/7/access_tokens",
            headers: ["Authorization": "Bearer \(jwt)", "Content-Type": "application/json"], body: "{}", expect: 201)
        try await d.github(
            api, "POST", "/app/installations/7/access_tokens",
            headers: ["Authorization": "Bearer not.a.jwt", "Content-Type": "application/json"], body: "{}", expect: 401)
        try await d.github(api, "POST", "/app/installations/7/access_tokens", headers: ["Content-Type": "application/json"], body: "{}", expect: 401)
        let installation = try #require((minted.json as? [String: Any])?["token"] as? String, "no token in \(minted.text)")
        try await d.github(api, "GET", "/repos/\(repo)", headers: ["Authorization": "Bearer \(installation)"], expect: 200)
        try await d.github(api, "GET", "/repos/octo/other", headers: ["Authorization": "Bearer \(installation)"], expect: 404)
        try await d.github(api, "GET", "/repos/octo/other/pulls", headers: ["Authorization": "token \(installation)"], expect: 404)

        // Injected faults, each consumed by the request right after it (a fault matches any path containing its `path`).
        github.inject(EmulatorFault(path: "/repos/\(repo)", method: "GET", status: 403, kind: .secondaryRateLimit))
        try await d.github(api, "GET", "/repos/\(repo)", headers: auth, expect: 403)
        github.inject(EmulatorFault(path: runs, method: "GET", status: 429, retryAfter: 30, kind: .secondaryRateLimit))
        try await d.github(api, "GET", runs, headers: auth, expect: 429)
        github.inject(EmulatorFault(path: "\(runs)/jobs", method: "GET", status: 403, kind: .primaryRateLimit(resetIn: 600)))
        try await d.github(api, "GET", "\(runs)/jobs", headers: auth, expect: 403)
        github.inject(EmulatorFault(path: "/repos/\(repo)/pulls", method: "GET", status: 429, kind: .primaryRateLimit(resetIn: 60)))
        try await d.github(api, "GET", "/repos/\(repo)/pulls", headers: auth, expect: 429)
        // A plain 403 only where ops.json documents one (repos/get); elsewhere GitHub answers 403 only for rate limits.
        github.inject(EmulatorFault(path: "/repos/\(repo)", method: "GET", status: 403))
        try await d.github(api, "GET", "/repos/\(repo)", headers: auth, expect: 403)
        github.inject(EmulatorFault(path: runs, method: "GET", status: 500))
        try await d.github(api, "GET", runs, headers: auth, expect: 500)
        github.inject(EmulatorFault(path: "\(runs)/attempts/1/jobs", method: "GET", status: 502, retryAfter: 5))
        try await d.github(api, "GET", "\(runs)/attempts/1/jobs", headers: auth, expect: 502)
        github.inject(EmulatorFault(path: "/repos/\(repo)/pulls", method: "POST", status: 503))
        try await d.github(api, "POST", "/repos/\(repo)/pulls", headers: json, body: pull, expect: 503)
        github.inject(EmulatorFault(path: "/repos/\(repo)/actions/jobs/52/logs", method: "GET", status: 504))
        try await d.github(api, "GET", "/repos/\(repo)/actions/jobs/52/logs", headers: auth, expect: 504)
    }

    /// Which ops.json operations the emulator routes: a request to an unrouted path gets the router's bare 404
    /// (no body), a routed one anything else (the emulator's 404s carry GitHub's JSON body). Not recorded.
    static func probe(_ d: ContractDriver, api: URL) async throws -> Set<String> {
        let listed = try runChecker(["--list-operations"])
        try #require(listed.status == 0, "\(listed.output)")
        let samples = [
            "owner": "octo", "repo": "app", "run_id": String(runID), "job_id": "52", "issue_number": "1",
            "installation_id": "7", "path": "README.md", "ref": "heads/main", "workflow_id": "ci.yml",
        ]
        var implemented: Set<String> = []
        for line in listed.output.split(separator: "\n") {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard fields.count >= 4, fields[0] == "ops.json" else { continue }
            var path = fields[3]
            for (name, value) in samples { path = path.replacingOccurrences(of: "{\(name)}", with: value) }
            path = path.replacingOccurrences(of: #"\{[^}]+\}"#, with: "1", options: .regularExpression)
            let reply = try await d.send(
                api.absoluteString + path, method: fields[2],
                headers: ["Authorization": "Bearer \(token)", "Content-Type": "application/json"],
                body: fields[2] == "GET" ? nil : "{}")
            let routerMiss = (reply.status == 404 || reply.status == 405) && reply.json == nil
            if !routerMiss { implemented.insert(fields[1]) }
        }
        return implemented
    }

    // MARK: - LLM

    static func driveLLM(_ d: ContractDriver, _ llm: ScriptedLLMServer, base: URL) async throws {
        let openAIBody =
            #"{"model":"gpt-4o-2024-08-06","messages":[{"role":"system","content":"s"},{"role":"user","content":"u"}],"max_tokens":64,"temperature":0}"#
        let openAIHeaders = ["Authorization": "Bearer sk-test", "Content-Type": "application/json"]
        let anthropicBody = #"{"model":"claude-sonnet-4-20250514","max_tokens":64,"system":"s","messages":[{"role":"user","content":"u"}]}"#
        let anthropicHeaders = ["x-api-key": "sk-test", "anthropic-version": "2023-06-01", "Content-Type": "application/json"]

        // Each step once per route, with the status each route answers (nil: not sent there). Overload is 503 at
        // OpenAI (error-code guide) and 529 at Anthropic (docs.claude.com/en/api/errors), so each goes to its own.
        let steps: [(step: ScriptedLLMServer.Step, openAI: Int?, anthropic: Int?)] = [
            (.reply("```diff\n--- a/x\n+++ b/x\n```"), 200, 200),
            (.truncated("```diff\n--- a/x"), 200, 200),
            (.refusal("I can't help with that."), 200, 200),
            (.contentFilter("partial"), 200, 200),
            (.insufficientQuota, 429, 400),
            (.status(429, retryAfter: 2, shouldRetry: true), 429, 429),
            (.status(500, shouldRetry: false), 500, 500),
            (.status(503, retryAfter: 1), 503, nil),
            (.status(529), nil, 529),
        ]
        for entry in steps {
            if let status = entry.openAI {
                llm.enqueue(entry.step)
                try await d.llm("openai", base, "/v1/chat/completions", headers: openAIHeaders, body: openAIBody, expect: status)
            }
            if let status = entry.anthropic {
                llm.enqueue(entry.step)
                try await d.llm("anthropic", base, "/v1/messages", headers: anthropicHeaders, body: anthropicBody, expect: status)
            }
        }
        // The other OpenAI-shaped routes, and the reasoning-model refusal of classic parameters (400).
        llm.enqueue(.reply("ok"))
        try await d.llm("openai", base, "/chat/completions", headers: openAIHeaders, body: openAIBody, expect: 200)
        llm.enqueue(.reply("ok"))
        try await d.llm(
            "openai", base, "/openai/deployments/gpt-4o/chat/completions?api-version=2024-10-21",
            headers: ["api-key": "k", "Content-Type": "application/json"], body: openAIBody, expect: 200)
        llm.enqueue(.reply("never"))
        try await d.llm(
            "openai", base, "/v1/chat/completions", headers: openAIHeaders,
            body: #"{"model":"o3-mini","messages":[{"role":"user","content":"u"}],"max_tokens":64}"#, expect: 400)
        llm.enqueue(.reply("never"))
        try await d.llm(
            "openai", base, "/v1/chat/completions", headers: openAIHeaders,
            body: #"{"model":"o3-mini","messages":[{"role":"user","content":"u"}],"temperature":0.2}"#, expect: 400)
    }

    // MARK: - Helpers

    static func templateRegex(_ template: String) -> NSRegularExpression {
        // Same rule as the script: each {param} one segment, except a file path or a ref.
        var pattern = "^"
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            pattern += NSRegularExpression.escapedPattern(for: String(rest[..<open]))
            let name = rest[rest.index(after: open)..<close]
            pattern += (name == "path" || name == "ref") ? ".+" : "[^/]+"
            rest = rest[rest.index(after: close)...]
        }
        pattern += NSRegularExpression.escapedPattern(for: String(rest)) + "$"
        return try! NSRegularExpression(pattern: pattern)
    }

    static func writeTemporary(_ lines: [String]) throws -> URL {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("emulator-exchanges-\(UUID().uuidString.prefix(8)).jsonl")
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: file)
        return file
    }

    /// `python3 scripts/check-emulator-contract ARGS`: exit status and stdout+stderr.
    static func runChecker(_ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", checker.path] + arguments
        process.currentDirectoryURL = repositoryRoot
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}

extension NSRegularExpression {
    /// Whether the whole of `text` matches (the patterns are anchored).
    func contractMatches(_ text: String) -> Bool {
        firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
    }
}

/// Refuses every redirect, so the 302 itself is what the test sees and records.
final class ContractRefusesRedirects: NSObject, URLSessionTaskDelegate, Sendable {
    func urlSession(
        _ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
        newRequest request: URLRequest, completionHandler: @escaping @Sendable (URLRequest?) -> Void
    ) {
        completionHandler(nil)
    }
}

/// The exchanges, as the JSON lines scripts/check-emulator-contract reads.
final class ContractExchangeLog: Sendable {
    struct Request: Sendable {
        var method: String
        var path: String
    }

    private let state = Mutex<(lines: [String], requests: [Request])>(([], []))

    func append(_ line: String, _ request: Request) {
        state.withLock {
            $0.lines.append(line)
            $0.requests.append(request)
        }
    }

    var lines: [String] { state.withLock { $0.lines } }
    var requests: [Request] { state.withLock { $0.requests } }
}

/// An answer: status, headers (lower-cased names), the body as text and, when it is JSON, parsed.
struct ContractAnswer {
    var status: Int
    var headers: [String: String]
    var text: String
    var json: Any?
}

/// Sends requests with URLSession (no redirects followed, no cache) and records each exchange.
final class ContractDriver: Sendable {
    let refuse: ContractRefusesRedirects
    let session: URLSession
    let log = ContractExchangeLog()

    init() {
        let refuse = ContractRefusesRedirects()
        let configuration = URLSessionConfiguration.ephemeral
        configuration.urlCache = nil
        configuration.requestCachePolicy = .reloadIgnoringLocalAndRemoteCacheData
        configuration.timeoutIntervalForRequest = 30
        self.refuse = refuse
        session = URLSession(configuration: configuration, delegate: refuse, delegateQueue: nil)
    }

    func send(_ url: String, method: String, headers: [String: String], body: String?) async throws -> ContractAnswer {
        var request = URLRequest(url: try #require(URL(string: url), "bad URL \(url)"))
        request.httpMethod = method
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        if let body { request.httpBody = Data(body.utf8) }
        // The delegate per task too: swift-corelibs-foundation asks the task's delegate about redirects.
        let (data, response) = try await session.data(for: request, delegate: refuse)
        let http = try #require(response as? HTTPURLResponse)
        var fields: [String: String] = [:]
        for (name, value) in http.allHeaderFields { fields["\(name)".lowercased()] = "\(value)" }
        let json: Any? = data.isEmpty ? nil : (try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]))
        return ContractAnswer(status: http.statusCode, headers: fields, text: String(decoding: data, as: UTF8.self), json: json)
    }

    /// One exchange with the GitHub API emulator; `path` may carry a query.
    @discardableResult
    func github(
        _ api: URL, _ method: String, _ path: String, headers: [String: String], body: String? = nil, expect: Int,
        sourceLocation: SourceLocation = #_sourceLocation
    ) async throws -> ContractAnswer {
        let answer = try await send(api.absoluteString + path, method: method, headers: headers, body: body)
        #expect(answer.status == expect, "\(method) \(path): \(answer.status) \(answer.text)", sourceLocation: sourceLocation)
        record(service: "github", method: method, path: path, answer: answer, requestHeaders: nil)
        return answer
    }

    /// One exchange with the storage host a job-log redirect points at (recorded as "storage:/path?query").
    @discardableResult
    func storage(_ url: URL, headers: [String: String], expect: Int, sourceLocation: SourceLocation = #_sourceLocation) async throws -> ContractAnswer {
        let answer = try await send(url.absoluteString, method: "GET", headers: headers, body: nil)
        #expect(answer.status == expect, "storage \(url): \(answer.status) \(answer.text)", sourceLocation: sourceLocation)
        let target = url.path + (url.query.map { "?" + $0 } ?? "")
        let sent = Dictionary(uniqueKeysWithValues: headers.map { ($0.key.lowercased(), $0.value) })
        record(service: "github", method: "GET", path: "storage:" + target, answer: answer, requestHeaders: sent)
        return answer
    }

    /// One exchange with the scripted model (`service` is "openai" or "anthropic").
    @discardableResult
    func llm(
        _ service: String, _ base: URL, _ path: String, headers: [String: String], body: String, expect: Int,
        sourceLocation: SourceLocation = #_sourceLocation
    ) async throws -> ContractAnswer {
        let answer = try await send(base.absoluteString + path, method: "POST", headers: headers, body: body)
        #expect(answer.status == expect, "\(service) POST \(path): \(answer.status) \(answer.text)", sourceLocation: sourceLocation)
        record(service: service, method: "POST", path: path, answer: answer, requestHeaders: nil)
        return answer
    }

    func record(service: String, method: String, path: String, answer: ContractAnswer, requestHeaders: [String: String]?) {
        var object: [String: Any] = [
            "service": service, "method": method, "path": path, "status": answer.status, "headers": answer.headers,
            "body": answer.json ?? NSNull(),
        ]
        if answer.json == nil { object["body_text"] = answer.text }
        if let requestHeaders { object["request_headers"] = requestHeaders }
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data()
        log.append(String(decoding: data, as: UTF8.self), .init(method: method, path: path))
    }
}
