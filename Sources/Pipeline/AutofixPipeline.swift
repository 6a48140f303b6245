import Core
import FeatureConfiguration
import Foundation
import GitHub
import Intake
import LLM
import LogAnalysis
import Logging
import Patching
import Queue

/// The `autofix` job kind: fetch logs → extract errors → gather context → generate patch → validate → open draft PR.
public struct AutofixPipeline: JobHandler {
    public let configuration: PipelineConfiguration
    public let github: GitHubClient
    public let llm: any LLMProvider
    public let workspace: GitWorkspace
    public let prompt: PromptTemplate
    /// The first call of model-assisted localization (`pipeline.localization: model`); nil: heuristic only.
    public var localizePrompt: PromptTemplate?
    /// Signs checkpoints: a row forged in the database (by anything that could write it) is not resumed.
    public let checkpointKey: CheckpointKey
    /// Knows the worker's own secrets, so they are removed in every encoding from all that leaves the process.
    public let redactor: SecretRedactor
    /// The configured output budget (a cut-off reply is asked again with twice this).
    public var llmMaxTokens = 4096
    /// Each recent repository's tree index, shared by the worker's jobs (a monorepo is listed once).
    public let trees: TreeIndexCache
    /// Checkouts kept for the next job of the same repository (`sandbox.kept_checkouts`).
    let checkouts: CheckoutPool

    public init(
        configuration: PipelineConfiguration, github: GitHubClient, llm: any LLMProvider, workspace: GitWorkspace, prompt: PromptTemplate,
        checkpointKey: CheckpointKey, redactor: SecretRedactor = SecretRedactor()
    ) {
        self.configuration = configuration
        self.github = github
        self.llm = llm
        self.workspace = workspace
        self.prompt = prompt
        self.checkpointKey = checkpointKey
        self.redactor = redactor
        self.checkouts = CheckoutPool.shared(directory: "\(workspace.root)/checkouts", capacity: configuration.sandbox.keptCheckouts)
        self.trees = TreeIndexCache.shared(root: workspace.root)
    }

    public func run(_ context: JobContext) async throws -> JobOutcome {
        let failure: CIFailure
        do {
            failure = try JSONDecoder().decode(CIFailure.self, from: Data(context.job.payload.utf8))
        } catch {
            throw PipelineError.invalidPayload("expected repo, run_id and run_attempt")
        }
        let tally = RetryTally()
        var client = github
        client.onRetry = { error in tally.add(error.description) }
        client.installationScope = failure.repo
        let job = PipelineJob(
            pipeline: self, failure: failure, context: context, github: client, tally: tally,
            stages: StageRunner(context: context, saved: try await context.checkpoints(), key: checkpointKey, redactor: redactor))
        let outcome: JobOutcome
        do {
            outcome = try await job.run()
        } catch let ended as StageEnd {
            outcome = ended.outcome
        } catch is CancellationError {
            await job.cleanUp()
            throw CancellationError()
        } catch {
            await job.cleanUp()
            // The last attempt of a follow-up round: the pull request's check decides what comes next.
            if let followUp = failure.followUp, !Self.willRetry(error, context.job) { try? await job.followUpEnded(followUp) }
            throw RedactedError(error, redactor: redactor)
        }
        await job.cleanUp()
        if let followUp = failure.followUp, outcome.state != .succeeded { try await job.followUpEnded(followUp) }
        return outcome.redacted(redactor)
    }

    /// Whether the queue runs the job again after this error (its classification, and attempts left).
    static func willRetry(_ error: any Error, _ job: Job) -> Bool {
        let retryable = (error as? any ClassifiedError)?.isRetryable ?? true
        return retryable && job.attempts < job.maxAttempts
    }
}

/// One run of the pipeline for one job: the stages share its failure, clients and sandbox trees.
final class PipelineJob: @unchecked Sendable {
    let pipeline: AutofixPipeline
    let failure: CIFailure
    let context: JobContext
    let github: GitHubClient
    let tally: RetryTally
    let stages: StageRunner
    var configuration: PipelineConfiguration { pipeline.configuration }
    var policy: PipelinePolicy { PipelinePolicy(configuration: configuration) }
    var logger: Logger { context.logger }
    /// Set once the mirror is known to hold the run's commit in this attempt.
    var fetchedSHA: String?
    /// The tests' outcome on the unpatched tree, run once per attempt.
    var baseline: TestRun?
    /// The job's checkout of the run's commit (the lower layer of its test runs), once made or moved.
    var jobCheckoutPath: (path: String, commit: String)?
    /// Whether that checkout was an earlier job's, moved to this commit.
    var checkoutReused = false
    /// How the last test run's tree was made (`overlay`, `checkout`), and how many test runs and
    /// checkouts this attempt made, for the stage's report.
    var lastTestTree: String?
    var testRuns = 0
    var checkouts = 0
    /// The workflow's newest green run on the branch before this one, once asked (`lastGreenRun`).
    var greenRun: WorkflowRun??
    /// Logs fetched in this attempt, as files removed when the attempt ends (never in the database: they may hold secrets).
    var logs: [FailedJob: URL] = [:]

    init(pipeline: AutofixPipeline, failure: CIFailure, context: JobContext, github: GitHubClient, tally: RetryTally, stages: StageRunner) {
        self.pipeline = pipeline
        self.failure = failure
        self.context = context
        self.github = github
        self.tally = tally
        self.stages = stages
    }

    /// The fix branch: a new one per failed run, or the pull request's own for a follow-up round.
    var branch: String { failure.followUp?.branch ?? "\(configuration.branchPrefix)\(failure.runID)" }

    func run() async throws -> JobOutcome {
        // Loop guard first, before any request: our own branches never trigger us, except a follow-up round
        // the worker started on the fix's red CI, as its outcome record shows.
        if let followUp = failure.followUp {
            if let reason = try await followUpRefusal(followUp) { return .skipped(reason: reason) }
        } else if let reason = policy.loopGuard(branch: failure.branch) {
            return .skipped(reason: reason)
        }
        let facts = try await stages.run(.fetchLogs) { report in try await fetchLogs(&report) }
        let errors = try await stages.run(.extractErrors) { report in try await extractErrors(facts, &report) }
        let signature = FailureSignature.of(branch: facts.branch, errors: errors)
        if failure.followUp == nil, let reason = try await closedByMaintainer(signature) { return .skipped(reason: reason) }
        let gathered = try await stages.run(.gatherContext) { report in try await gatherContext(facts, errors, &report) }
        let patch = try await stages.run(.generatePatch) { report in try await generatePatch(facts, errors, gathered, &report) }
        let validated = try await stages.run(.validate) { report in try await validate(facts, errors, patch, &report) }
        if let followUp = failure.followUp {
            let pull = try await stages.run(.openPR) { report in try await publishFollowUp(followUp, facts, validated, &report) }
            let result = JobJSON.text(["pr_number": pull.number, "branch": branch, "files": validated.files, "follow_up": followUp.round])
            return .succeeded(prURL: pull.url, result: result)
        }
        let pull = try await stages.run(.openPR) { report in try await publish(facts, errors, validated, &report) }
        // From here on the pull request's fate is recorded (webhook deliveries about it); a retry records nothing twice.
        let now = context.clock.now()
        try await context.recordFixOpened(
            FixOutcome(
                repo: failure.repo, pullNumber: pull.number, jobID: context.job.id, branch: branch, failedAt: context.job.createdAt, openedAt: now,
                updatedAt: now, failureSignature: signature, headSHA: pull.headSHA, workflowID: facts.workflowID))
        // CI that finished before the record existed is in it now: its check acts on it as on any other run.
        if let recorded = try await context.fixOutcomes(FixOutcomeFilter(repo: failure.repo, pullNumber: pull.number, limit: 1)).first,
            recorded.ci != .pending, let run = recorded.ciRunID
        {
            try await context.enqueue(
                FixOutcomeCheck(repo: failure.repo, pullNumber: pull.number).newJob(reason: "run:\(run)#\(recorded.ciRunAttempt ?? 1)"))
        }
        let result = JobJSON.text(["pr_number": pull.number, "branch": branch, "files": validated.files, "reused": pull.reused])
        return .succeeded(prURL: pull.url, result: result)
    }

    /// The workflow's newest green run on the branch numbered before this one (the repository's own), or
    /// when the branch has none (a new branch, a pull request's first push), on the repository's default
    /// branch; asked once per attempt: the passing logs and the changes since green both start from it
    /// (the latter only when its commit is in this one's history).
    func lastGreenRun(_ facts: RunFacts) async throws -> WorkflowRun? {
        if let known = greenRun { return known }
        guard let workflowID = facts.workflowID, let number = facts.runNumber else { return nil }
        var found = try await github.lastSuccessfulRun(repo: failure.repo, workflowID: workflowID, branch: facts.branch, before: number)
        if found == nil, let base = try? await github.repository(failure.repo).defaultBranch, base != facts.branch {
            found = try await github.lastSuccessfulRun(repo: failure.repo, workflowID: workflowID, branch: base, before: number)
        }
        greenRun = .some(found)
        return found
    }

    /// Makes sure the mirror holds the run's commit (fetched on first use in this attempt).
    func ensureCommit(_ facts: RunFacts) async throws {
        guard fetchedSHA != facts.headSHA else { return }
        try await pipeline.workspace.fetch(repo: failure.repo, sha: facts.headSHA, token: try await github.accessToken())
        fetchedSHA = facts.headSHA
    }

    /// This job's throwaway trees for the test sandbox; nothing else of the host is mounted there.
    var sandboxDirectory: String { "\(pipeline.workspace.root)/sandbox/job-\(context.job.id)" }

    /// The job's slot is not free until its logs and sandbox trees are gone (a crashed attempt's are removed at the next use).
    func cleanUp() async {
        if !logs.isEmpty {
            try? FileManager.default.removeItem(at: logDirectory)
            logs = [:]
        }
        await ScratchTree.remove(sandboxDirectory, logger: logger)
        if let checkout = jobCheckoutPath {
            jobCheckoutPath = nil
            await pipeline.checkouts.give(.init(repo: failure.repo, path: checkout.path, commit: checkout.commit), logger: logger)
        }
    }

    func redact(_ text: String) -> String { pipeline.redactor.redact(text) }
}

extension JobOutcome {
    /// The outcome with its reason redacted: reasons quote test output and model replies.
    func redacted(_ redactor: SecretRedactor) -> JobOutcome {
        switch self {
        case .skipped(let reason): .skipped(reason: redactor.redact(reason))
        case .noFix(let reason): .noFix(reason: redactor.redact(reason))
        case .cancelled(let reason): .cancelled(reason: redactor.redact(reason))
        case .succeeded: self
        }
    }
}
