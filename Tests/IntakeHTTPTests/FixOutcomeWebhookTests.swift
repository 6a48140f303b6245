import Foundation
import IntakeHTTP
import Queue
import Testing

/// Deliveries about the bot's own pull requests become their outcome records, never new jobs.
@Suite("HTTP intake: fix outcomes from webhooks", .serialized)
struct FixOutcomeWebhookTests {
    static let webhooks = WebhookTests()

    static func pullEvent(action: String, merged: Bool, branch: String = "ci/autofix-9001", sender: String = "octocat") -> String {
        #"{"action":"\#(action)","number":12,"pull_request":{"number":12,"merged":\#(merged),"closed_at":"2026-11-23T10:05:00Z","head":{"ref":"\#(branch)"}},"repository":{"full_name":"octo/app"},"sender":{"login":"\#(sender)"}}"#
    }

    static func fixBranchRun(_ conclusion: String, id: Int = 9100, headRepository: String = "octo/app") -> String {
        #"{"action":"completed","workflow_run":{"id":\#(id),"workflow_id":3,"head_repository":{"full_name":"\#(headRepository)"},"name":"CI","run_attempt":1,"conclusion":"\#(conclusion)","head_sha":"0123456789abcdef0123456789abcdef01234567","head_branch":"ci/autofix-9001","updated_at":"2026-11-23T10:03:00Z","html_url":"https://github.com/octo/app/actions/runs/9100"},"repository":{"full_name":"octo/app"}}"#
    }

    func open(_ server: TestServer) async throws {
        let at = try Date("2026-11-23T10:00:00Z", strategy: .iso8601)
        try await server.store.recordFixOpened(
            FixOutcome(
                repo: "octo/app", pullNumber: 12, jobID: nil, branch: "ci/autofix-9001", failedAt: at.addingTimeInterval(-60), openedAt: at, updatedAt: at))
    }

    @Test func aFailedRunOnAFixBranch_isTheFixesCIResult_notANewJob() async throws {
        try await TestServer.with { server async throws in
            try await open(server)
            let answer = try await Self.webhooks.deliver(server, event: "workflow_run", body: Self.fixBranchRun("failure"))
            #expect(answer.status == 202 && answer.body.contains("recorded"), "\(answer.body)")
            var jobs = try await server.store.jobs(JobFilter())
            #expect(jobs.map(\.kind) == [FixOutcomeCheck.jobKind], "the loop guard holds: a fix branch's failure is not fixed again; its check acts on it")
            #expect(jobs.first?.payload == #"{"pr_number":12,"repo":"octo/app"}"#)
            let again = try await Self.webhooks.deliver(
                server, event: "workflow_run", body: Self.fixBranchRun("failure").replacingOccurrences(of: "Z\"", with: ".5Z\""))
            #expect(again.status == 202 && again.body.contains("already recorded"), "the same run delivered again: \(again.body)")
            #expect(try await Self.webhooks.deliver(server, event: "workflow_run", body: Self.fixBranchRun("success", id: 9101)).status == 202)
            jobs = try await server.store.jobs(JobFilter())
            #expect(jobs.count == 2 && jobs.allSatisfy { $0.kind == FixOutcomeCheck.jobKind }, "one check per run")
            let outcome = try #require(try await server.store.fixOutcomes(FixOutcomeFilter()).first)
            #expect(outcome.ci == .passed && outcome.ciRuns == 2 && outcome.ciRunID == 9101)
            #expect(outcome.firstGreenAt == (try Date("2026-11-23T10:03:00Z", strategy: .iso8601)), "the event's own time")
            #expect(outcome.secondsToGreen == 240)
        }
    }

    @Test func aForksRunOnABranchNamedLikeTheFixBranch_speaksForNothing() async throws {
        try await TestServer.with { server async throws in
            try await open(server)
            let fork = Self.fixBranchRun("success", headRepository: "mallory/app")
            let answer = try await Self.webhooks.deliver(server, event: "workflow_run", body: fork)
            #expect(answer.status == 202 && answer.body.contains("fork"), "\(answer.body)")
            #expect(try await server.store.fixOutcomes(FixOutcomeFilter()).first?.ci == .pending)
            #expect(try await server.jobCount() == 0)
        }
    }

    @Test func pullRequestClosed_mergedOrNot_andByWhom() async throws {
        try await TestServer.with { server async throws in
            try await open(server)
            #expect(try await Self.webhooks.deliver(server, event: "pull_request", body: Self.pullEvent(action: "closed", merged: false)).status == 202)
            var outcome = try #require(try await server.store.fixOutcomes(FixOutcomeFilter()).first)
            #expect(outcome.pull == .closedUnmerged && outcome.closedBy == "maintainer")
            #expect(try await Self.webhooks.deliver(server, event: "pull_request", body: Self.pullEvent(action: "reopened", merged: false)).status == 202)
            let review =
                #"{"action":"submitted","review":{"state":"APPROVED","submitted_at":"2026-11-23T10:04:00Z"},"pull_request":{"number":12,"head":{"ref":"ci/autofix-9001"}},"repository":{"full_name":"octo/app"},"sender":{"login":"octocat"}}"#
            #expect(try await Self.webhooks.deliver(server, event: "pull_request_review", body: review).status == 202)
            let merged = Self.pullEvent(action: "closed", merged: true, sender: "ci-autofix[bot]")
            #expect(try await Self.webhooks.deliver(server, event: "pull_request", body: merged).status == 202)
            outcome = try #require(try await server.store.fixOutcomes(FixOutcomeFilter()).first)
            #expect(outcome.pull == .merged && outcome.closedBy == "bot" && outcome.review == "approved")
        }
    }

    @Test func pullRequestsThatAreNotTheBots_andMalformedPayloads() async throws {
        try await TestServer.with { server async throws in
            try await open(server)
            let other = try await Self.webhooks.deliver(
                server, event: "pull_request", body: Self.pullEvent(action: "closed", merged: true, branch: "feature/x"))
            #expect(other.status == 202 && other.body.contains("ignored"), "\(other.body)")
            let opened = try await Self.webhooks.deliver(server, event: "pull_request", body: Self.pullEvent(action: "opened", merged: false))
            #expect(opened.body.contains("ignored"))
            #expect(try await Self.webhooks.deliver(server, event: "pull_request", body: #"{"action":"closed","pull_request":"nope"}"#).status == 400)
            #expect(try await server.store.fixOutcomes(FixOutcomeFilter()).first?.pull == .open)
        }
    }
}
