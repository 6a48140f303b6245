import Core
import Foundation
import Logging

extension WorkerPool {
    /// Why a job's execution ended.
    enum Ending: Sendable {
        case finished(JobOutcome)
        case failed(JobFailure)
        case cancelRequested
        case leaseLost
        case drainDeadline
    }

    /// Runs one leased job beside its heartbeat; the first of the two to end decides.
    func execute(_ leased: LeasedJob) async {
        let logger = Self.jobLogger(self.logger, leased.job)
        logger.info("job started")
        let started = ContinuousClock.now
        let context = JobContext(job: leased.job, lease: leased.lease, logger: logger, store: store, clock: clock)
        let handler = registry.handler(for: leased.job.kind)

        let ending: Ending = await withTaskGroup(of: Ending?.self) { group in
            group.addTask {
                guard let handler else {
                    return .failed(JobFailure(message: "no handler for job kind \(leased.job.kind)", isRetryable: false))
                }
                do {
                    // Off the store's executor (an event loop must not wait on a job's work).
                    return .finished(try await withTaskExecutorPreference(globalConcurrentExecutor) { try await handler.run(context) })
                } catch {
                    return .failed(Self.failure(from: error))
                }
            }
            group.addTask { await self.heartbeat(leased.lease, logger: logger) }
            var ending: Ending?
            while ending == nil, let next = await group.next() { ending = next }
            group.cancelAll()
            // Cancelled from outside (drain deadline, or the pool itself cancelled): unless the
            // handler finished anyway, the job goes back without consuming its attempt.
            if Task.isCancelled {
                if case .finished = ending { return ending! }
                return .drainDeadline
            }
            return ending ?? .drainDeadline
        }
        // The job's fate must be written even if the pool itself is being cancelled, so the
        // final write runs outside this task's cancellation (and is awaited, never detached).
        await Task { await self.finalize(leased.lease, ending, logger: logger, elapsed: ContinuousClock.now - started) }.value
    }

    private func finalize(_ lease: Lease, _ ending: Ending, logger: Logger, elapsed: Duration) async {
        let seconds = Logger.MetadataValue.stringConvertible(Double((elapsed.seconds * 1000).rounded()) / 1000)
        var ended = "unrecorded"
        defer { hooks.jobEnded(ended, elapsed) }
        do {
            switch ending {
            case .finished(let outcome):
                _ = try await completer.submit(JobCompletion(lease: lease, action: .complete(outcome)))
                ended = outcome.state.rawValue
                logger.info("job finished", metadata: ["outcome": "\(outcome.state.rawValue)", "seconds": seconds])
            case .failed(let failure):
                let state = try await completer.submit(JobCompletion(lease: lease, action: .fail(failure)))
                ended = state == .queued ? "retry" : state.rawValue
                let level: Logger.Level = state == .dead ? .error : .warning
                logger.log(
                    level: level, "job failed",
                    metadata: [
                        "next": "\(state.rawValue)", "retryable": "\(failure.isRetryable)", "error": "\(failure.message)",
                    ])
            case .cancelRequested:
                _ = try await completer.submit(JobCompletion(lease: lease, action: .complete(.cancelled(reason: "cancelled by operator"))))
                ended = JobState.cancelled.rawValue
                logger.info("job cancelled")
            case .drainDeadline:
                _ = try await completer.submit(JobCompletion(lease: lease, action: .handBack(reason: "worker shut down before the job finished")))
                ended = "handed_back"
                logger.warning("job handed back", metadata: ["seconds": seconds])
            case .leaseLost:
                ended = "lease_lost"
                logger.error("lease lost; result discarded")
            }
        } catch QueueError.leaseLost {
            ended = "lease_lost"
            logger.error("lease lost before the result was written; result discarded")
        } catch {
            logger.error("could not record the job's result; its lease will expire and be rescued", metadata: ["error": "\(error)"])
        }
    }

    /// Extends the lease at the pool's heartbeat, every lease/3. Ends (non-nil) when the operator cancels or the lease is lost.
    func heartbeat(_ lease: Lease, logger: Logger) async -> Ending? {
        var lastSuccess = ContinuousClock.now
        while true {
            do {
                try await heartbeats.next()
            } catch {
                return nil
            }
            do {
                if try await store.heartbeat(lease, extendBy: configuration.leaseDuration) == .cancelRequested {
                    return .cancelRequested
                }
                lastSuccess = .now
            } catch QueueError.leaseLost {
                return .leaseLost
            } catch {
                if Task.isCancelled { return nil }
                logger.warning("heartbeat failed", metadata: ["error": "\(error)"])
                if ContinuousClock.now - lastSuccess >= configuration.leaseDuration { return .leaseLost }
            }
        }
    }

    static func jobLogger(_ base: Logger, _ job: Job) -> Logger {
        var logger = base
        logger[metadataKey: "job"] = "\(job.id)"
        logger[metadataKey: "kind"] = "\(job.kind)"
        logger[metadataKey: "attempt"] = "\(job.attempts)"
        return logger
    }

    static func failure(from error: any Error) -> JobFailure {
        if let classified = error as? any ClassifiedError {
            return JobFailure(message: "\(error)", isRetryable: classified.isRetryable, retryAfter: classified.retryAfter)
        }
        if error is CancellationError {
            return JobFailure(message: "job was cancelled", isRetryable: true)
        }
        return JobFailure(message: "\(error)", isRetryable: true)
    }
}
