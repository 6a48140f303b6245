import Emulators
import Foundation
import Queue
import TestSupport
import Testing

/// What becomes of an autofix pull request, end to end: the real worker and intake, the GitHub emulator
/// running CI on the pushed fix branch and sending webhooks as GitHub does, and the record that follows.
@Suite(.serialized) struct FixOutcomeEndToEndTests {
    static let repo = PipelineScenario.repo
    /// CI runs the whole suite; the operator's sandbox command below runs only `tests/` (a fast subset), so a
    /// fix can pass the sandbox and still fail CI.
    static let ci = ["python3", "-m", "pytest", "-q", "-p", "no:cacheprovider"]
    static let subset = ["AUTOFIX_PIPELINE_TEST_COMMAND": "python3 -m pytest -q -p no:cacheprovider tests"]
    static let textModule: [String: String] = [
        "app/text.py": "def shout(s):\n    return s.lower()\n",
        "tests_ci/__init__.py": "",
        "tests_ci/test_text.py": "from app.text import shout\n\n\ndef test_shout():\n    assert shout('hi') == 'HI'\n",
    ]
    static let shoutFix = """
        `shout` lower-cases where its test expects upper case.

        ```diff
        --- a/app/text.py
        +++ b/app/text.py
        @@ -1,2 +1,2 @@
         def shout(s):
        -    return s.lower()
        +    return s.upper()
        ```
        """

    @Test func aFixWhoseCIPasses_isNotedOnItsPR_andItsMergeIsRecorded_andTheCLIAndMetricsAgree() async throws {
        let scenario = try await PipelineScenario.make { try await PipelineScenario.pytestLog(upstream: $0) }
        scenario.llm.enqueue(.reply(PipelineScenario.fix))
        try await OutcomeHarness.run(scenario) { h in
            try await scenario.enqueue(h.env)
            let opened = try await h.outcome("the fix's pull request is recorded")
            #expect(opened.ci == .pending && opened.pull == .open)
            let run = try await h.runCI(Self.ci)
            #expect(run.conclusion == "success")
            try await h.pull("the evidence comment says CI passed") { pull in
                pull.comments.contains { $0.contains("ci-autofix:evidence") && $0.contains("CI on the fix branch: passed") }
            }
            try await scenario.github.mergePull(Self.repo, number: opened.pullNumber, by: "alice")
            let merged = try await h.outcome("the merge is recorded") { $0.pull == .merged }
            #expect(merged.ci == .passed && merged.ciRuns == 1 && merged.ciRunID == Int64(run.id) && merged.closedBy == "maintainer")
            #expect((merged.secondsToGreen ?? -1) > 0 && merged.outcome == "merged" && merged.followUps == 0)
            try await Self.expectCLIAndMetricsAgree(h, with: [merged])
        }
    }

    @Test func aFixWhoseCIFails_getsOneFollowUpRoundOnTheSameBranch_andThenPasses() async throws {
        let scenario = try await PipelineScenario.make(extraFiles: { _ in Self.textModule }) { try await PipelineScenario.pytestLog(upstream: $0) }
        scenario.llm.enqueue(.reply(PipelineScenario.fix))
        scenario.llm.enqueue(.reply(Self.shoutFix))
        try await OutcomeHarness.run(scenario, settings: Self.subset) { h in
            try await scenario.enqueue(h.env)
            let opened = try await h.outcome("the fix's pull request is recorded")
            let red = try await h.runCI(Self.ci)
            #expect(red.conclusion == "failure", "CI runs tests_ci, which the sandbox subset does not")
            // The follow-up round pushes a second commit onto the same branch and explains it.
            try await Poll.until(timeout: .seconds(180), "the follow-up commit is on the fix branch") { try await h.branchLog().count == 3 }
            let subjects = try await h.branchLog()
            #expect(subjects.first?.hasPrefix("ci-autofix: follow-up 1 for #\(opened.pullNumber)") == true, "\(subjects)")
            let pull = try await h.pull("the follow-up's evidence comment is posted") { $0.comments.contains { $0.contains("**Follow-up 1**") } }
            #expect(scenario.github.pulls(Self.repo).count == 1, "no second pull request")
            #expect(pull.comments.contains { $0.contains("CI on the fix branch: failed") && $0.contains("Follow-up correction round 1 of 1") })
            let green = try await h.runCI(Self.ci)
            #expect(green.conclusion == "success")
            let passed = try await h.outcome("the green run is recorded") { $0.ci == .passed }
            #expect(passed.followUps == 1 && passed.ciRuns == 2 && passed.pull == .open && passed.firstGreenAt != nil)
            try await h.pull("the latest evidence comment says CI passed") { pull in
                pull.comments.last { $0.contains("ci-autofix:evidence") }?.contains("CI on the fix branch: passed") == true
            }
            let followUp = try #require(try await h.store.jobs(JobFilter()).first { $0.payload.contains("\"follow_up\"") })
            #expect(followUp.state == .succeeded && followUp.payload.contains("\"run_id\":\(red.id)"))
        }
    }

    @Test func aFixStillRedAfterItsFollowUp_isLabelledFailed_andClosedByTheBotAfterTheGracePeriod() async throws {
        let scenario = try await PipelineScenario.make(extraFiles: { _ in Self.textModule }) { try await PipelineScenario.pytestLog(upstream: $0) }
        scenario.llm.enqueue(.reply(PipelineScenario.fix))
        scenario.llm.enqueue(.reply("NO_FIX: the failing test is outside what I can change safely."))
        let settings = Self.subset.merging(["AUTOFIX_OUTCOMES_CLOSE_RED_AFTER": "2s"]) { $1 }
        try await OutcomeHarness.run(scenario, settings: settings) { h in
            try await scenario.enqueue(h.env)
            try await h.outcome("the fix's pull request is recorded")
            try await h.runCI(Self.ci)
            let marked = try await h.outcome("the fix is marked failed after its follow-up found nothing") { $0.closeAfter != nil }
            #expect(marked.followUps == 1 && marked.pull == .open)
            try await h.pull("the failed label is on the PR and the evidence says when it closes") { pull in
                pull.labels.contains("ci/autofix-failed") && pull.comments.contains { $0.contains("still failing") && $0.contains("closes it at") }
            }
            let closed = try await h.outcome("the bot closes the PR after the grace period") { $0.pull == .closedUnmerged }
            #expect(closed.closedBy == "bot" && closed.outcome == "closed_unmerged")
            // Webhook times have whole seconds.
            #expect((closed.closedAt ?? .distantPast) >= marked.closeAfter!.addingTimeInterval(-1))
            let pull = try await h.pull("the PR is closed on GitHub and the evidence says why") { pull in
                pull.state == "closed" && pull.comments.contains { $0.contains("Closed by ci-autofix") }
            }
            #expect(!pull.merged)
            #expect(try await h.branchLog().count == 2, "the follow-up pushed nothing")
        }
    }

    @Test func aFixClosedUnmergedByAMaintainer_isRecorded_andTheSameFailureIsNotAttemptedAgain() async throws {
        let scenario = try await PipelineScenario.make { try await PipelineScenario.pytestLog(upstream: $0) }
        try scenario.reRunFailingTheSameWay()
        scenario.llm.enqueue(.reply(PipelineScenario.fix))
        try await OutcomeHarness.run(scenario) { h in
            try await scenario.enqueue(h.env, attempt: 1)
            let opened = try await h.outcome("the fix's pull request is recorded")
            try await scenario.github.closePull(Self.repo, number: opened.pullNumber, by: "alice")
            let closed = try await h.outcome("the maintainer's close is recorded") { $0.pull == .closedUnmerged }
            #expect(closed.closedBy == "maintainer")
            try await scenario.enqueue(h.env, attempt: 2)
            try await Poll.until(timeout: .seconds(120), "the re-run's job ends") {
                try await h.store.jobs(JobFilter()).contains { $0.dedupeKey?.hasSuffix("#2") == true && $0.state.isTerminal }
            }
            let second = try #require(try await h.store.jobs(JobFilter()).first { $0.dedupeKey?.hasSuffix("#2") == true })
            #expect(second.state == .skipped && second.lastError?.contains("a maintainer closed the fix") == true, "\(second.lastError ?? "")")
            #expect(scenario.llm.received.count == 1, "no model call for the failure a maintainer turned down")
        }
    }

    @Test func withoutWebhooks_thePollerReachesTheSameRecords() async throws {
        let scenario = try await PipelineScenario.make { try await PipelineScenario.pytestLog(upstream: $0) }
        scenario.llm.enqueue(.reply(PipelineScenario.fix))
        try await OutcomeHarness.run(scenario, webhooks: false, settings: ["AUTOFIX_OUTCOMES_POLL_INTERVAL": "300ms"]) { h in
            try await scenario.enqueue(h.env)
            let opened = try await h.outcome("the fix's pull request is recorded")
            let run = try await h.runCI(Self.ci)
            #expect(scenario.github.deliveries.isEmpty, "no webhook is configured")
            let passed = try await h.outcome("the poller records the green run") { $0.ci == .passed }
            #expect(passed.ciRunID == Int64(run.id) && passed.ciRuns == 1)
            try await h.pull("the evidence comment says CI passed") { pull in pull.comments.contains { $0.contains("CI on the fix branch: passed") } }
            try await scenario.github.mergePull(Self.repo, number: opened.pullNumber, by: "alice")
            let merged = try await h.outcome("the poller records the merge") { $0.pull == .merged }
            #expect(merged.ci == .passed && merged.ciRuns == 1 && merged.closedBy == "maintainer" && merged.firstGreenAt != nil)
            let polls = try await h.store.jobs(JobFilter()).filter { $0.kind == "fix-outcome-poll" }
            #expect(polls.count >= 2 && polls.allSatisfy { $0.state != .dead }, "\(polls.map(\.state))")
            try await Self.expectCLIAndMetricsAgree(h, with: [merged])
        }
    }

    /// `autofix outcomes --json` and `autofix metrics`, each a process over the same database, say what the records say.
    static func expectCLIAndMetricsAgree(_ h: OutcomeHarness, with records: [FixOutcome]) async throws {
        let directory = URL(fileURLWithPath: h.scenario.dir)
        let listed = try await AutofixProcess.run(["outcomes", "--json"], environment: h.env, directory: directory)
        try #require(listed.status == 0, "\(listed.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(listed.stdout.utf8)) as? [String: Any])
        let outcomes = try #require(object["outcomes"] as? [[String: Any]])
        #expect(outcomes.map { $0["outcome"] as? String } == records.map(\.outcome))
        #expect(outcomes.map { $0["pr_number"] as? Int } == records.map(\.pullNumber))
        let summary = try #require(object["summary"] as? [String: Any])
        let rates = FixRates(records)
        #expect(summary["success_rate"] as? Double == rates.success && summary["acceptance_rate"] as? Double == rates.acceptance)
        let metrics = try await AutofixProcess.run(["metrics"], environment: h.env, directory: directory)
        try #require(metrics.status == 0, "\(metrics.stderr)")
        for word in FixRates.outcomeWords {
            let count = Double(records.filter { $0.outcome == word }.count)
            #expect(Self.sample(metrics.stdout, "autofix_fix_outcomes{outcome=\"\(word)\"}") == count, "\(word)")
        }
        #expect(Self.sample(metrics.stdout, "autofix_fix_success_ratio{window=\"30d\"}") == rates.success)
        #expect(Self.sample(metrics.stdout, "autofix_fix_acceptance_ratio{window=\"30d\"}") == rates.acceptance)
        #expect(Self.sample(metrics.stdout, "autofix_time_to_fix_seconds_count") == Double(records.compactMap(\.secondsToGreen).count))
    }

    /// The value of one sample (`name{labels}`) in Prometheus text.
    static func sample(_ text: String, _ series: String) -> Double? {
        text.split(separator: "\n").first { $0.hasPrefix(series + " ") }.flatMap { Double($0.dropFirst(series.count + 1)) }
    }
}
