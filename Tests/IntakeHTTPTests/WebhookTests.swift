import Foundation
import IntakeHTTP
import Testing

@Suite("HTTP intake: GitHub webhooks", .serialized)
struct WebhookTests {
    static let failedRun =
        #"{"action":"completed","workflow_run":{"id":9001,"name":"CI","run_attempt":1,"conclusion":"failure","head_sha":"0123456789abcdef0123456789abcdef01234567","head_branch":"main","html_url":"https://github.com/octo/app/actions/runs/9001"},"repository":{"full_name":"octo/app"}}"#

    @Test func signature_matchesGitHubsPublishedTestVector() {
        let signature = SecretCheck.webhookSignature(secret: "It's a Secret to Everybody", body: Data("Hello, World!".utf8))
        #expect(signature == "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17")
    }

    func deliver(
        _ server: TestServer, event: String, body: String, secret: String = TestServer.webhookSecret, tamper: Bool = false,
        delivery: String = UUID().uuidString
    ) async throws -> (status: Int, body: String) {
        let signature = SecretCheck.webhookSignature(secret: secret, body: Data(body.utf8))
        let sent = tamper ? body.replacingOccurrences(of: "9001", with: "9002") : body
        return try await server.send(
            "POST", "/webhooks/github", body: Data(sent.utf8),
            headers: [
                "X-GitHub-Event": event, "X-Hub-Signature-256": signature, "Content-Type": "application/json", "X-GitHub-Delivery": delivery,
            ])
    }

    @Test func webhook_replayedDelivery_isRefused_underItsIdOrAnother_andAnotherRunAccepted() async throws {
        try await TestServer.with { server async throws in
            let delivery = "72d3162e-cc78-11e3-81ab-4c9367dc0958"
            #expect(try await deliver(server, event: "workflow_run", body: Self.failedRun, delivery: delivery).status == 202)
            let replay = try await deliver(server, event: "workflow_run", body: Self.failedRun, delivery: delivery)
            #expect(replay.status == 409 && replay.body.contains("already received"), "\(replay.body)")
            // The delivery id is not signed: the same signed body under a new id is a replay too.
            #expect(try await deliver(server, event: "workflow_run", body: Self.failedRun).status == 409)
            let another = Self.failedRun.replacingOccurrences(of: "9001", with: "9003")
            #expect(try await deliver(server, event: "workflow_run", body: another).status == 202)
            #expect(try await server.jobCount() == 2)
        }
    }

    @Test func webhook_timedOutRun_isEnqueuedLikeAFailure() async throws {
        try await TestServer.with { server async throws in
            let timedOut = Self.failedRun.replacingOccurrences(of: #""conclusion":"failure""#, with: #""conclusion":"timed_out""#)
            #expect(try await deliver(server, event: "workflow_run", body: timedOut).status == 202)
            #expect(try await server.jobCount() == 1)
        }
    }

    @Test func webhook_withoutDeliveryID_isRefused() async throws {
        try await TestServer.with { server async throws in
            let signature = SecretCheck.webhookSignature(secret: TestServer.webhookSecret, body: Data(Self.failedRun.utf8))
            let response = try await server.send(
                "POST", "/webhooks/github", body: Data(Self.failedRun.utf8),
                headers: [
                    "X-GitHub-Event": "workflow_run", "X-Hub-Signature-256": signature,
                ])
            #expect(response.status == 400)
            #expect(try await server.jobCount() == 0)
        }
    }

    @Test func webhook_failedWorkflowRun_enqueuesTheRun() async throws {
        try await TestServer.with { server async throws in
            let response = try await deliver(server, event: "workflow_run", body: Self.failedRun)
            #expect(response.status == 202, "\(response.body)")
            let job = try #require(try await server.store.job(id: 1))
            #expect(job.dedupeKey == "octo/app#9001#1")
            #expect(job.payload.contains(#""workflow":"CI""#))
        }
    }

    @Test func webhook_tamperedBodyOrWrongSecret_is401AndEnqueuesNothing() async throws {
        try await TestServer.with { server async throws in
            #expect(try await deliver(server, event: "workflow_run", body: Self.failedRun, tamper: true).status == 401)
            #expect(try await deliver(server, event: "workflow_run", body: Self.failedRun, secret: "wrong").status == 401)
            let unsigned = try await server.send("POST", "/webhooks/github", body: Data(Self.failedRun.utf8), headers: ["X-GitHub-Event": "workflow_run"])
            #expect(unsigned.status == 401)
            #expect(server.json(unsigned.body)["error"] is String)
            #expect(try await server.jobCount() == 0)
        }
    }

    @Test func webhook_pingAndOtherEvents_areAcknowledgedNotEnqueued() async throws {
        try await TestServer.with { server async throws in
            #expect(try await deliver(server, event: "ping", body: #"{"zen":"Keep it logically awesome."}"#).status == 200)
            #expect(try await deliver(server, event: "push", body: #"{"ref":"refs/heads/main"}"#).status == 202)
            let succeeded = Self.failedRun.replacingOccurrences(of: #""conclusion":"failure""#, with: #""conclusion":"success""#)
            #expect(try await deliver(server, event: "workflow_run", body: succeeded).status == 202)
            #expect(try await server.jobCount() == 0)
        }
    }
}
