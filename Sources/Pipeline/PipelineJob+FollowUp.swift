import Foundation
import GitHub
import Intake
import Queue

extension PipelineJob {
    /// Why this follow-up round must not run, or nil. Its payload is trusted only as far as the outcome record
    /// agrees: the pull request is open, its CI failed on exactly this run, and the worker started this round.
    func followUpRefusal(_ followUp: CIFailure.FollowUp) async throws -> String? {
        let records = try await context.fixOutcomes(FixOutcomeFilter(repo: failure.repo, pullNumber: followUp.pullNumber, limit: 1))
        guard let record = records.first, record.branch == followUp.branch, followUp.branch.hasPrefix(configuration.branchPrefix),
            failure.branch == nil || failure.branch == followUp.branch
        else {
            return "no autofix pull request #\(followUp.pullNumber) on \(followUp.branch) to follow up (loop guard)"
        }
        guard record.pull == .open else { return "#\(followUp.pullNumber) is \(record.outcome) already; no follow-up" }
        guard record.ci == .failed, record.ciRunID == Int64(failure.runID) else {
            return "CI on \(followUp.branch) is no longer the failed run \(failure.runID); no follow-up"
        }
        guard followUp.round <= record.followUps else { return "follow-up round \(followUp.round) of #\(followUp.pullNumber) was never started" }
        return nil
    }

    /// Stage 6 of a follow-up round: the validated correction goes onto the fix branch on top of the commit
    /// CI failed on (refused if anyone pushed since), and a new evidence comment explains it.
    func publishFollowUp(_ followUp: CIFailure.FollowUp, _ facts: RunFacts, _ validated: ValidatedPatch, _ report: inout StageRunner.Report)
        async throws -> PublishedPull
    {
        guard facts.branch == followUp.branch else {
            throw StageEnd(outcome: .skipped(reason: "run \(failure.runID) is on \(facts.branch), not the fix branch \(followUp.branch)"))
        }
        let pull = try await github.pull(repo: failure.repo, number: followUp.pullNumber)
        guard pull.state == "open", pull.head.ref == followUp.branch else {
            throw StageEnd(outcome: .skipped(reason: "#\(followUp.pullNumber) is \(pull.state) or no longer on \(followUp.branch); no follow-up"))
        }
        let staged = try await commitValidated(facts, validated)
        let title = "ci-autofix: follow-up \(followUp.round) for #\(followUp.pullNumber) (run \(failure.runID))"
        let message = "\(title)\n\n\(validated.explanation.prefix(2000))\n\nRun: \(facts.runURL)"
        let pushed: String
        do {
            pushed = try await pipeline.workspace.commitAndPush(
                repo: failure.repo, tree: staged.tree, parent: facts.headSHA, branch: branch, message: redact(message),
                identity: (configuration.botName, configuration.botEmail), token: try await github.accessToken(), expecting: facts.headSHA)
        } catch GitHubError.git(let message) where message.contains("stale info") || message.contains("[rejected]") {
            // git's words for a lease that no longer holds: not a fault to retry.
            throw StageEnd(outcome: .skipped(reason: "\(branch) moved past \(facts.headSHA.prefix(12)) since CI failed on it (someone pushed)"))
        }
        // From here only this commit's CI speaks for the fix.
        _ = try await context.applyFixEvent(.followUpPushed(repo: failure.repo, pullNumber: followUp.pullNumber, headSHA: pushed, at: context.clock.now()))
        try await postEvidence(
            validated, on: followUp.pullNumber,
            heading:
                "**Follow-up \(followUp.round)**: CI failed on this branch in run [\(failure.runID)](\(Markdown.url(facts.runURL))); this commit corrects it.")
        report.detail = ["pushed follow-up \(followUp.round) to #\(followUp.pullNumber)", tally.take()].compactMap { $0 }.joined(separator: "; ")
        return PublishedPull(url: pull.htmlURL, number: pull.number, reused: true, headSHA: pushed)
    }

    /// A follow-up round ended without a push: the pull request's check runs again and, its rounds spent,
    /// labels the fix failed.
    func followUpEnded(_ followUp: CIFailure.FollowUp) async throws {
        try await context.enqueue(
            FixOutcomeCheck(repo: failure.repo, pullNumber: followUp.pullNumber).newJob(reason: "follow-up-ended:\(followUp.round)"))
    }
}
