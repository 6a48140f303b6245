import Crypto
import Foundation
import Logging

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// Webhook deliveries as GitHub sends them (docs.github.com/webhooks/webhook-events-and-payloads;
/// docs.github.com/webhooks/using-webhooks/validating-webhook-deliveries): a POST of the JSON payload with
/// `X-GitHub-Event`, `X-GitHub-Delivery` (a GUID), `X-GitHub-Hook-ID`, `X-Hub-Signature-256` (`sha256=` and
/// the HMAC-SHA256 hex digest of the body under the hook's secret), `User-Agent: GitHub-Hookshot/…` and
/// `Content-Type: application/json`. The objects inside are the REST shapes the contract test checks:
/// `workflow_run` is a "Workflow Run", `pull_request` a "Pull Request", `repository` a "Repository",
/// `sender` a "Simple User".
extension GitHubEmulator {
    /// A delivery sent, and the status the receiver answered.
    public struct Delivery: Sendable {
        public var event: String
        public var action: String
        public var status: Int
        public var body: String
        /// The request's headers, names lower-cased.
        public var headers: [String: String]
    }

    /// Deliveries go to `url`, signed with `secret` (a repository webhook with these events).
    public func deliverWebhooks(to url: URL, secret: String) {
        state.withLock { $0.webhook = (url, secret) }
    }

    /// Every delivery sent, in order.
    public var deliveries: [Delivery] { state.withLock { $0.deliveries } }

    /// Sends one event to the configured hook, if any; returns the receiver's status (nil without a hook).
    @discardableResult
    func deliver(event: String, payload: [String: Any]) async throws -> Int? {
        guard let (url, secret) = state.withLock({ $0.webhook }) else { return nil }
        let body = try JSONSerialization.data(withJSONObject: payload, options: [.sortedKeys])
        let digest = HMAC<SHA256>.authenticationCode(for: body, using: SymmetricKey(data: Data(secret.utf8)))
        var request = URLRequest(url: url)
        request.httpMethod = "POST"
        request.httpBody = body
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        request.setValue("GitHub-Hookshot/a1b2c3d", forHTTPHeaderField: "User-Agent")
        request.setValue(event, forHTTPHeaderField: "X-GitHub-Event")
        request.setValue(UUID().uuidString.lowercased(), forHTTPHeaderField: "X-GitHub-Delivery")
        request.setValue("424242", forHTTPHeaderField: "X-GitHub-Hook-ID")
        request.setValue("sha256=" + digest.map { String(format: "%02x", $0) }.joined(), forHTTPHeaderField: "X-Hub-Signature-256")
        let (_, response) = try await URLSession.shared.data(for: request)
        let status = (response as? HTTPURLResponse)?.statusCode ?? 0
        var headers: [String: String] = [:]
        for (name, value) in request.allHTTPHeaderFields ?? [:] { headers[name.lowercased()] = value }
        let delivery = Delivery(
            event: event, action: payload["action"] as? String ?? "", status: status, body: String(decoding: body, as: UTF8.self), headers: headers)
        state.withLock { $0.deliveries.append(delivery) }
        return status
    }

    /// `workflow_run` (docs: webhook-events-and-payloads#workflow_run): `action`, `workflow_run`, `workflow`,
    /// `repository`, `sender`.
    func workflowRunPayload(_ run: EmulatedRun, action: String) -> [String: Any] {
        var object = GitHubShapes.workflowRun(run, attempt: run.latestAttempt, conclusion: run.conclusion, base: GitHubShapes.api)
        if action != "completed" {
            object["status"] = action == "requested" ? "queued" : "in_progress"
            object["conclusion"] = NSNull()
        }
        let defaultBranch = state.withLock { $0.repos[run.repo]?.defaultBranch } ?? "main"
        return [
            "action": action, "workflow_run": object, "workflow": GitHubShapes.workflow(repo: run.repo, name: run.name),
            "repository": GitHubShapes.fullRepository(run.repo, defaultBranch: defaultBranch), "sender": GitHubShapes.simpleUser("octocat"),
        ]
    }

    /// `pull_request` (docs: webhook-events-and-payloads#pull_request): `action`, `number`, `pull_request`,
    /// `repository`, `sender` (who did it).
    func pullRequestPayload(_ pull: EmulatedPull, repo: String, action: String, sender: String) async -> [String: Any] {
        let sha = (try? await branchHead(repo: repo, branch: pull.head)) ?? String(repeating: "0", count: 40)
        let defaultBranch = state.withLock { $0.repos[repo]?.defaultBranch } ?? "main"
        return [
            "action": action, "number": pull.number, "pull_request": pullJSON(pull, repo: repo, sha: sha, full: true),
            "repository": GitHubShapes.fullRepository(repo, defaultBranch: defaultBranch),
            "sender": GitHubShapes.simpleUser(sender, type: sender.hasSuffix("[bot]") ? "Bot" : "User"),
        ]
    }
}
