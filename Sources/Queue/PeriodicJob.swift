import Core
import Foundation
import Logging
import ServiceLifecycle

/// A job kind the worker enqueues once per interval (River's periodic jobs). The dedupe key names the
/// interval's slot of wall-clock time, so workers on several hosts enqueue one job per slot between them.
public struct PeriodicJob: Sendable, Hashable {
    public var kind: String
    public var interval: Duration

    public init(kind: String, interval: Duration) {
        self.kind = kind
        self.interval = interval
    }

    /// The job of the slot `now` falls in.
    public func newJob(at now: Date) -> NewJob {
        let slot = Int64((now.timeIntervalSince1970 / max(interval.seconds, 0.001)).rounded(.down))
        return NewJob(kind: kind, dedupeKey: "\(kind):\(slot)", maxAttempts: 1)
    }
}

/// Enqueues each periodic job at the start of every slot until graceful shutdown.
public struct PeriodicScheduler: Service {
    let store: any JobStore
    let jobs: [PeriodicJob]
    let clock: any WallClock
    let logger: Logger

    public init(store: any JobStore, jobs: [PeriodicJob], clock: any WallClock = SystemWallClock(), logger: Logger) {
        self.store = store
        self.jobs = jobs
        self.clock = clock
        self.logger = logger
    }

    /// Enqueues every periodic job's current slot once (also what a worker that exits when idle does at start).
    public func enqueueDue() async {
        let now = clock.now()
        for job in jobs {
            do {
                // One at a time: a poll still waiting out a rate limit is not joined by the next slot's.
                guard try await store.pendingCount(kinds: [job.kind]) == 0 else { continue }
                _ = try await store.enqueue(job.newJob(at: now))
            } catch {
                logger.warning("could not enqueue a periodic job; the next slot tries again", metadata: ["kind": "\(job.kind)", "error": "\(error)"])
            }
        }
    }

    public func run() async throws {
        guard let shortest = jobs.map(\.interval).min() else { return }
        // Shutdown ends the wait quietly: a thrown CancellationError would cancel the whole group (the pool's drain too).
        while !Task.isShuttingDownGracefully, !Task.isCancelled {
            await enqueueDue()
            // To the next slot boundary of the shortest interval, not a full interval after this one.
            let seconds = shortest.seconds
            let into = clock.now().timeIntervalSince1970.truncatingRemainder(dividingBy: seconds)
            let wait = Duration.milliseconds(Int64(((seconds - into) * 1000).rounded(.up)) + 1)
            try? await cancelWhenGracefulShutdown { try await Task.sleep(for: wait) }
        }
    }
}
