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
        // The least recently updated first, so past `poll_max_pulls` every pull request still gets its turn.
        let open = try await context.fixOutcomes(FixOutcomeFilter(openOnly: true, limit: configuration.pollMaxPulls))
        var recorded = 0
        var failed: [String] = []
        for record in open {
            do {
                if try await poll(record, context) { recorded += 1 }
            } catch {
                // One repository gone or uninstalled does not keep the others from being polled.
                context.logger.warning(
                    "polling an autofix pull request failed", metadata: ["pull": "\(record.repo)#\(record.pullNumber)", "error": "\(error)"])
                failed.append("\(record.repo)#\(record.pullNumber)")
            }
        }
        return .succeeded(result: JobJSON.text(["open_pulls": open.count, "recorded": recorded, "failed": failed]))
    }

    /// Records what GitHub says of one open pull request; true when something changed.
    func poll(_ record: FixOutcome, _ context: JobContext) async throws -> Bool {
        var client = github
        client.installationScope = record.repo
        let now = context.clock.now()
        let pull = try await client.pull(repo: record.repo, number: record.pullNumber)
        if pull.state == "closed" {
            // The bot records its own closes as it makes them: a close seen here is a maintainer's.
            return try await context.recordFixFact(
                .closed(repo: record.repo, pullNumber: record.pullNumber, merged: pull.merged == true, byBot: false, at: now))
        }
        // The newest run that says something of the fix: of its workflow, on the commit the bot pushed, with a
        // conclusion the record keeps (a `skipped` or `neutral` run says nothing).
        let runs = try await client.completedRuns(repo: record.repo, branch: record.branch).filter { run in
            (record.headSHA == nil || run.headSHA == record.headSHA) && (record.workflowID == nil || run.workflowID == record.workflowID)
                && run.conclusion.flatMap(FixOutcome.CIState.init(conclusion:)) != nil
        }
        guard let latest = runs.max(by: { ($0.id, $0.runAttempt ?? 1) < ($1.id, $1.runAttempt ?? 1) }), let conclusion = latest.conclusion else { return false }
        return try await context.recordFixFact(
            .ciCompleted(
                repo: record.repo, branch: record.branch, workflow: latest.name ?? "", conclusion: conclusion, runID: latest.id,
                runAttempt: latest.runAttempt ?? 1, headSHA: latest.headSHA, workflowID: latest.workflowID, at: now))
    }
}
