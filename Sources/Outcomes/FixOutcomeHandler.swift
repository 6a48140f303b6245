import Core
import FeatureConfiguration
import Foundation
import GitHub
import Intake
import Queue

/// The `fix-outcome` job: acts on what is known of one autofix pull request. Green CI: the evidence
/// comment says so. Red CI: a follow-up correction round on the same branch while rounds are left; then the
/// `ci/autofix-failed` label, and the pull request closed by the bot once the grace period has passed and
/// CI is still red. Every step is taken once however many checks run (the record's conditional updates).
public struct FixOutcomeHandler: JobHandler {
    public let configuration: OutcomeConfiguration
    public let github: GitHubClient
    /// The login the bot's comments carry (`pipeline.bot_name`): only those are its evidence comments.
    public let botLogin: String
    /// Attempts a follow-up round's `autofix` job gets.
    public var followUpMaxAttempts = 5

    public init(configuration: OutcomeConfiguration, github: GitHubClient, botLogin: String) {
        self.configuration = configuration
        self.github = github
        self.botLogin = botLogin
    }

    public func run(_ context: JobContext) async throws -> JobOutcome {
        guard let check = try? JSONDecoder().decode(FixOutcomeCheck.self, from: Data(context.job.payload.utf8)) else {
            throw OutcomesError.invalidPayload("expected repo and pr_number")
        }
        guard let record = try await context.fixOutcomes(FixOutcomeFilter(repo: check.repo, pullNumber: check.pullNumber, limit: 1)).first else {
            return .skipped(reason: "no autofix pull request \(check.repo)#\(check.pullNumber) is on record")
        }
        guard record.pull == .open else {
            return .skipped(reason: "#\(record.pullNumber) is \(record.outcome.replacingOccurrences(of: "_", with: " ")) already")
        }
        var client = github
        client.installationScope = record.repo
        let status = EvidenceStatus(github: client, repo: record.repo, pullNumber: record.pullNumber, botLogin: botLogin)
        let now = context.clock.now()
        let run = "\(Markdown.text(record.ciWorkflow ?? "CI")), run \(record.ciRunID.map(String.init) ?? "?")"
        switch record.ci {
        case .passed:
            guard configuration.commentOnGreen else { return .skipped(reason: "CI passed; outcomes.comment_on_green is off") }
            try await status.set("**CI on the fix branch: passed** (\(run)).")
            return .succeeded(result: JobJSON.text(["action": "commented_green", "pr_number": record.pullNumber]))
        case .failed:
            if let closeAfter = record.closeAfter {
                guard now >= closeAfter else {
                    // A retry of the check that marked it: the label and the status are set again (both idempotent).
                    try await announceFailed(record, run: run, closeAfter: closeAfter, client: client, status: status)
                    return .skipped(reason: "#\(record.pullNumber) is labelled failed; it closes at \(JobJSON.iso(closeAfter))")
                }
                try await client.closePull(repo: record.repo, number: record.pullNumber)
                _ = try await context.applyFixEvent(.closed(repo: record.repo, pullNumber: record.pullNumber, merged: false, byBot: true, at: now))
                try await status.set(
                    "**Closed by ci-autofix**: CI stayed red on the fix branch (\(run)) after \(rounds(record.followUps)) and the grace period.")
                return .succeeded(result: JobJSON.text(["action": "closed", "pr_number": record.pullNumber]))
            }
            if record.followUps < configuration.followUpRounds, let runID = record.ciRunID {
                return try await startFollowUp(record, runID: runID, run: run, status: status, context, now: now)
            }
            return try await markFailed(record, run: run, client: client, status: status, context, now: now)
        case .pending, .cancelled:
            return .skipped(reason: "CI on \(record.branch) is \(record.ci.rawValue); nothing to act on")
        }
    }

    func startFollowUp(_ record: FixOutcome, runID: Int64, run: String, status: EvidenceStatus, _ context: JobContext, now: Date) async throws -> JobOutcome {
        let started = try await context.applyFixEvent(
            .followUpStarted(repo: record.repo, pullNumber: record.pullNumber, runID: runID, maxRounds: configuration.followUpRounds, at: now))
        guard started else { return .skipped(reason: "another check started the follow-up of #\(record.pullNumber), or a newer run came") }
        let round = record.followUps + 1
        let failure = CIFailure(
            repo: record.repo, runID: UInt64(runID), runAttempt: record.ciRunAttempt ?? 1, workflow: record.ciWorkflow, branch: record.branch,
            followUp: .init(pullNumber: record.pullNumber, branch: record.branch, round: round))
        var job = try failure.newJob(maxAttempts: followUpMaxAttempts)
        // Its own key: the same run may already have a job under the run's key (the workflow's notify-failure
        // step reports the fix branch's failure too; that one the loop guard skips).
        job.dedupeKey = "follow-up:\(record.repo)#\(record.pullNumber)#\(round)"
        try await context.enqueue(job)
        try await status.set("**CI on the fix branch: failed** (\(run)). Follow-up correction round \(round) of \(configuration.followUpRounds) is running.")
        return .succeeded(result: JobJSON.text(["action": "follow_up", "pr_number": record.pullNumber, "round": round]))
    }

    func markFailed(_ record: FixOutcome, run: String, client: GitHubClient, status: EvidenceStatus, _ context: JobContext, now: Date) async throws
        -> JobOutcome
    {
        let closes = configuration.closeRedAfter > .zero
        // Never closed: the mark still keeps the label and the comment from being repeated.
        let closeAfter = closes ? now.addingTimeInterval(configuration.closeRedAfter.seconds) : Date(timeIntervalSince1970: 32_503_680_000)
        guard try await context.applyFixEvent(.markedFailed(repo: record.repo, pullNumber: record.pullNumber, closeAfter: closeAfter, at: now)) else {
            return .skipped(reason: "#\(record.pullNumber) is marked failed already, or its CI is no longer red")
        }
        // The close first: a failure below retries this check, which sets label and status again.
        if closes {
            try await context.enqueue(
                FixOutcomeCheck(repo: record.repo, pullNumber: record.pullNumber).newJob(reason: "close:\(closeAfter.millis)", runAt: closeAfter))
        }
        try await announceFailed(record, run: run, closeAfter: closeAfter, client: client, status: status)
        return .succeeded(result: JobJSON.text(["action": "labelled_failed", "pr_number": record.pullNumber]))
    }

    func announceFailed(_ record: FixOutcome, run: String, closeAfter: Date, client: GitHubClient, status: EvidenceStatus) async throws {
        try await client.addLabels(repo: record.repo, number: record.pullNumber, labels: [configuration.failedLabel])
        let ending =
            configuration.closeRedAfter > .zero
            ? "ci-autofix closes it at \(JobJSON.iso(closeAfter)) unless CI passes by then."
            : "It stays open (outcomes.close_red_after is 0)."
        try await status.set(
            "**CI on the fix branch: still failing** (\(run)) after \(rounds(record.followUps)). Labelled `\(configuration.failedLabel)`; \(ending)")
    }

    func rounds(_ count: Int) -> String {
        "\(count) follow-up round\(count == 1 ? "" : "s")"
    }
}
