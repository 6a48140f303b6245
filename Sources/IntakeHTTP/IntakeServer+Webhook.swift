import Crypto
import Foundation
import HTTPTypes
import Hummingbird
import Intake
import Queue

extension IntakeServer {
    /// GitHub's webhook: the signature is checked over the raw body before anything is parsed.
    func webhook(_ request: Request) async throws -> Response {
        guard let secret = configuration.webhookSecret, !secret.isEmpty else {
            throw APIError(.forbidden, "no webhook secret is configured on this server")
        }
        let body = try await JSONBody.collect(request, limit: configuration.maxBodyBytes)
        let signature = request.headers[HTTPField.Name("x-hub-signature-256")!]
        guard SecretCheck.verifyWebhook(secret: secret, body: body, header: signature) else {
            throw APIError(.unauthorized, "invalid or missing X-Hub-Signature-256")
        }
        // A signed body can be sent again by whoever saw it once; each delivery id is accepted once.
        guard let delivery = request.headers[HTTPField.Name("x-github-delivery")!], !delivery.isEmpty, delivery.count <= 100 else {
            throw APIError(.badRequest, "missing X-GitHub-Delivery")
        }
        // The delivery id is not signed, so a captured body could come again under a new one: the signed
        // body's digest is recorded too (GitHub's own redelivery repeats both).
        let digest = "sha256:" + SHA256.hash(data: body).map { String(format: "%02x", $0) }.joined()
        guard try await store.recordDelivery(delivery) else {
            throw APIError(.conflict, "delivery \(delivery) was already received (a replay)")
        }
        guard try await store.recordDelivery(digest) else {
            try? await store.forgetDelivery(delivery)
            throw APIError(.conflict, "this signed body was already received under another delivery id (a replay)")
        }
        do {
            return try await handle(request, body: body)
        } catch {
            // Not handled: GitHub's own redelivery of it must still be accepted.
            try? await store.forgetDelivery(delivery)
            try? await store.forgetDelivery(digest)
            throw error
        }
    }

    private func handle(_ request: Request, body: Data) async throws -> Response {
        let event = request.headers[HTTPField.Name("x-github-event")!] ?? ""
        switch event {
        case "ping":
            return JSONResponse.make(.ok, ["ok": true])
        case "workflow_run":
            let event: WorkflowRunEvent
            do {
                event = try JSONDecoder().decode(WorkflowRunEvent.self, from: body)
            } catch {
                throw APIError(.badRequest, "malformed workflow_run payload")
            }
            guard event.action == "completed" else { return ignored("workflow_run action is not completed") }
            guard let run = event.workflowRun else { throw APIError(.badRequest, "missing workflow_run") }
            // CI on a fix branch is the fix's result, never a new failure to fix.
            if let branch = run.headBranch, branch.hasPrefix(configuration.fixBranchPrefix), let repo = event.repository?.fullName {
                // A pull request from a fork can run on a branch of the same name: only the repository's own
                // runs speak for its fix branch.
                guard run.headRepository?.fullName?.lowercased() == repo.lowercased() else {
                    return ignored("a run of a fork's branch named like a fix branch (or one that does not say whose commit it ran)")
                }
                let at = run.updatedAt.flatMap { try? Date($0, strategy: .iso8601) } ?? Date()
                let fact = FixEvent.ciCompleted(
                    repo: repo, branch: branch, workflow: run.name ?? "", conclusion: run.conclusion ?? "", runID: run.id, runAttempt: run.runAttempt ?? 1,
                    headSHA: run.headSHA ?? "", workflowID: run.workflowID, at: at)
                return try await record(fact)
            }
            // A run that timed out failed as much as one that failed (its jobs' conclusion is `timed_out`).
            guard ["failure", "timed_out"].contains(run.conclusion ?? "") else {
                return ignored("workflow_run conclusion is \(run.conclusion ?? "null"), not failure")
            }
            return try await accept(event.request(run))
        case "pull_request", "pull_request_review":
            let payload: PullRequestEvent
            do {
                payload = try JSONDecoder().decode(PullRequestEvent.self, from: body)
            } catch {
                throw APIError(.badRequest, "malformed \(event) payload")
            }
            guard let fact = payload.fact(event: event, branchPrefix: configuration.fixBranchPrefix, botLogin: configuration.botLogin, now: Date())
            else {
                return ignored("\(event) \(payload.action ?? "") is not about an autofix pull request's fate")
            }
            return try await record(fact)
        default:
            return ignored("event \(event.isEmpty ? "(none)" : event) is not handled")
        }
    }

    /// Applies a fact to the outcome record it is about (and enqueues the worker's check when it is the fix's CI).
    private func record(_ fact: FixEvent) async throws -> Response {
        guard try await FixOutcomeCheck.record(fact, in: store) else {
            return ignored(
                "no open autofix pull request matches (or the run is of another commit or workflow than the fix's), the run was already recorded, or the conclusion says nothing"
            )
        }
        return JSONResponse.make(.accepted, ["recorded": "\(fact)"])
    }

    private func ignored(_ reason: String) -> Response {
        JSONResponse.make(.accepted, ["ignored": reason])
    }
}
