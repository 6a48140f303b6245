import Foundation
import GitHub
import LogAnalysis

extension PipelineJob {
    /// Stage 1: the run, its failed jobs, and their logs (kept in memory only).
    func fetchLogs(_ report: inout StageRunner.Report) async throws -> RunFacts {
        // The enqueued attempt, not the latest: a re-run (passing, or still running) must not change this job's facts.
        let run = try await github.workflowRun(repo: failure.repo, runID: failure.runID, attempt: failure.runAttempt)
        let branch = run.headBranch ?? failure.branch ?? ""
        // A follow-up round (checked against its outcome record before any request) fixes its own fix branch.
        if failure.followUp?.branch != branch, let reason = policy.loopGuard(branch: branch) { throw StageEnd(outcome: .skipped(reason: reason)) }
        // Identity comes from GitHub's run, never from the payload.
        if let reason = policy.forkGuard(headRepository: run.headRepository?.fullName, repository: run.repository?.fullName) {
            throw StageEnd(outcome: .skipped(reason: reason))
        }
        if let claimed = failure.headSHA, claimed.lowercased() != run.headSHA.lowercased() {
            throw PipelineError.invalidPayload("the enqueued head_sha \(claimed.prefix(12)) is not the run's commit \(run.headSHA.prefix(12)) on GitHub")
        }
        if run.conclusion == "success" {
            throw StageEnd(outcome: .skipped(reason: "attempt \(failure.runAttempt) of run \(failure.runID) succeeded; nothing to fix"))
        }
        let jobs = try await github.jobs(repo: failure.repo, runID: failure.runID, attempt: failure.runAttempt)
        let failed = jobs.filter { ["failure", "timed_out"].contains($0.conclusion ?? "") }.map { FailedJob(id: $0.id, name: $0.name) }
        guard !failed.isEmpty else { throw StageEnd(outcome: .skipped(reason: "run \(failure.runID) has no failed job")) }
        try await downloadLogs(failed)
        report.detail = tally.take()
        return RunFacts(
            headSHA: run.headSHA, branch: branch, workflow: run.name ?? failure.workflow ?? "CI",
            runURL: run.htmlURL ?? failure.runURL ?? "", failedJobs: failed, workflowID: run.workflowID, runNumber: run.runNumber)
    }

    /// Each failed job's log, streamed to a file under the work directory (removed when the job ends).
    func downloadLogs(_ jobs: [FailedJob]) async throws {
        for job in jobs where logs[job] == nil {
            let file = logDirectory.appendingPathComponent("\(job.id).log")
            try await github.downloadJobLog(repo: failure.repo, jobID: job.id, to: file)
            logs[job] = file
        }
    }

    var logDirectory: URL {
        URL(fileURLWithPath: pipeline.workspace.root).appendingPathComponent("logs/job-\(context.job.id)")
    }

    /// The last `maxLogBytes` of a log through the streaming extractor (the end is where failures are).
    func scan(_ file: URL, _ extractor: StreamingExtractor) throws -> StreamingExtractor.Scan {
        let fd = open(file.path, O_RDONLY)
        guard fd >= 0 else { throw PipelineError.invalidPayload("cannot read the downloaded log \(file.lastPathComponent)") }
        defer { close(fd) }
        let size = lseek(fd, 0, SEEK_END)
        lseek(fd, max(0, size - off_t(configuration.maxLogBytes)), SEEK_SET)
        return extractor.scan(read: { buffer in max(0, read(fd, buffer.baseAddress, buffer.count)) })
    }

    /// Stage 2: the blocks that explain each failed job, deduplicated across jobs, redacted.
    func extractErrors(_ facts: RunFacts, _ report: inout StageRunner.Report) async throws -> ExtractedErrors {
        try await downloadLogs(facts.failedJobs)
        let streaming = StreamingExtractor()
        let extractor = streaming.extractor
        let finder = LocationFinder()
        var errors: [ExtractedError] = []
        var seen: Set<String> = []
        var blocksForKind: [ErrorBlock] = []
        let passing = await passingLogs(facts)
        for job in facts.failedJobs {
            guard let file = logs[job] else { continue }
            let scan = try self.scan(file, streaming)
            let blocks = streaming.blocks(scan, passing: passing.logs[job.name], top: 3)
            blocksForKind += blocks
            for block in blocks {
                let excerpt = scan.candidates.filter { block.lines.contains($0.number) }.map(\.text).joined(separator: "\n")
                // Identical failures in several jobs (a test matrix) are reported once.
                guard seen.insert(block.message).inserted else { continue }
                let found = finder.locations(in: excerpt)
                // A deep trace keeps both ends: the test's frames at one, where it raised at the other
                // (which end is which depends on the language).
                let locations = found.count <= 40 ? found : Array(found.prefix(20) + found.suffix(20))
                errors.append(
                    ExtractedError(
                        job: job.name, message: redact(block.message), locations: locations, rule: block.rule, kind: block.kind,
                        excerpt: String(redact(excerpt).prefix(4000))))
            }
        }
        let kind = extractor.failureKind(blocksForKind.sorted { $0.score > $1.score })
        report.detail = "\(errors.count) errors, kind \(kind.rawValue)" + (passing.note.map { "; \($0)" } ?? "") + (tally.take().map { "; \($0)" } ?? "")
        if let reason = policy.failureKind(kind) { throw StageEnd(outcome: .skipped(reason: reason)) }
        guard !errors.isEmpty else { throw StageEnd(outcome: .noFix(reason: "no error found in the failed jobs' logs")) }
        return ExtractedErrors(failureKind: kind, errors: errors)
    }

    /// The logs of the same jobs in the newest green run of the workflow on the branch, else on the default
    /// branch (the repository's own, numbered before this one; `lastGreenRun`), by job name, and a note for the run record. Best effort: without one the
    /// extractor ranks as it always does.
    func passingLogs(_ facts: RunFacts) async -> (logs: [String: PassingLog], note: String?) {
        guard configuration.passingLogDiff else { return ([:], nil) }
        do {
            guard let green = try await lastGreenRun(facts) else { return ([:], nil) }
            let jobs = try await github.jobs(repo: failure.repo, runID: UInt64(green.id))
            var found: [String: PassingLog] = [:]
            for failed in facts.failedJobs {
                guard let passed = jobs.first(where: { $0.name == failed.name && $0.conclusion == "success" }) else { continue }
                let file = logDirectory.appendingPathComponent("passing-\(passed.id).log")
                try await github.downloadJobLog(repo: failure.repo, jobID: passed.id, to: file)
                found[failed.name] = PassingLog(LogReader.lines(try tail(of: file)))
            }
            let branch = green.headBranch.map { $0 == facts.branch ? "" : " on \($0)" } ?? ""
            return (found, found.isEmpty ? nil : "ranked against \(found.count) passing log\(found.count == 1 ? "" : "s") of run \(green.id)\(branch)")
        } catch {
            return ([:], "no passing log compared (\(redact("\(error)").prefix(200)))")
        }
    }

    /// The last `maxLogBytes` of a file.
    func tail(of file: URL) throws -> [UInt8] {
        let handle = try FileHandle(forReadingFrom: file)
        defer { try? handle.close() }
        let size = try handle.seekToEnd()
        try handle.seek(toOffset: size > UInt64(configuration.maxLogBytes) ? size - UInt64(configuration.maxLogBytes) : 0)
        return Array(try handle.readToEnd() ?? Data())
    }
}
