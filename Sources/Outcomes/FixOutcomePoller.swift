import FeatureConfiguration
import Foundation
import GitHub
import Queue

/// The `fix-outcome-poll` job, for installations without webhooks: asks GitHub about each open autofix
/// pull request (its state, and the newest completed run on its branch) and records what changed, exactly as
/// the webhook deliveries would, which enqueues the same checks. Two requests per pull request, at most
/// `outcomes.poll_max_pulls` of them per poll; the client waits out rate limits.
public struct FixOutcomePoller: JobHandler {
    public static let jobKind = "fix-outcome-poll"

    public let configuration: OutcomeConfiguration
    public let github: GitHubClient

    public init(configuration: OutcomeConfiguration, github: GitHubClient) {
        self.configuration = configuration
        self.github = github
    }

    public func run(_ context: JobContext) async throws -> JobOutcome {
        let open = try await context.fixOutcomes(FixOutcomeFilter(openOnly: true, limit: configuration.pollMaxPulls))
        var recorded = 0
        for record in open {
            var client = github
            client.installationScope = record.repo
            let now = context.clock.now()
            let pull = try await client.pull(repo: record.repo, number: record.pullNumber)
            if pull.state == "closed" {
                // The bot records its own closes as it makes them; one that still looks open here and is past
                // its grace period is the bot's close whose record did not follow.
                let byBot = record.closeAfter.map { now >= $0 } ?? false
                let closed = FixEvent.closed(repo: record.repo, pullNumber: record.pullNumber, merged: pull.merged == true, byBot: byBot, at: now)
                if try await context.recordFixFact(closed) { recorded += 1 }
                continue
            }
            let runs = try await client.completedRuns(repo: record.repo, branch: record.branch)
            guard let latest = runs.max(by: { ($0.id, $0.runAttempt ?? 1) < ($1.id, $1.runAttempt ?? 1) }), let conclusion = latest.conclusion else { continue }
            let completed = FixEvent.ciCompleted(
                repo: record.repo, branch: record.branch, workflow: latest.name ?? "", conclusion: conclusion, runID: latest.id,
                runAttempt: latest.runAttempt ?? 1, at: now)
            if try await context.recordFixFact(completed) { recorded += 1 }
        }
        return .succeeded(result: JobJSON.text(["open_pulls": open.count, "recorded": recorded]))
    }
}
