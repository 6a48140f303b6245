import Core
import Foundation
import Logging
import ServiceLifecycle

/// Leases jobs and runs up to `concurrency` of them at once; drains on graceful shutdown.
public final class WorkerPool: Service {
    let store: any JobStore
    let registry: JobRegistry
    let configuration: WorkerConfiguration
    let workerID: String
    let hooks: WorkerPoolHooks
    let logger: Logger
    let clock: any WallClock
    let completer: GroupCommitter<JobCompletion, JobState>

    public init(
        store: any JobStore, registry: JobRegistry, configuration: WorkerConfiguration,
        hooks: WorkerPoolHooks = WorkerPoolHooks(), logger: Logger, clock: any WallClock = SystemWallClock()
    ) {
        self.store = store
        completer = GroupCommitter { [store] batch in try await store.finish(batch) }
        self.registry = registry
        self.configuration = configuration
        workerID = configuration.resolvedWorkerID
        self.hooks = hooks
        self.logger = logger
        self.clock = clock
    }

    private enum Event: Sendable {
        case jobFinished
        case tick
        case shutdown
        case drainDeadline
    }

    public func run() async throws {
        try await rescue()
        var lastRescue = ContinuousClock.now
        logger.info(
            "worker started",
            metadata: [
                "worker": "\(workerID)", "concurrency": "\(configuration.concurrency)",
                "kinds": "\(registry.kinds.joined(separator: ","))",
            ])
        hooks.ready()

        await withTaskGroup(of: Event.self) { group in
            group.addTask {
                try? await gracefulShutdown()
                return .shutdown
            }
            var running = 0
            var tickPending = false
            var stopping = false
            // A finished job's slot is refilled when half the pool is free, at the next poll tick,
            // or at once when nothing runs: claims then come in batches instead of one per job.
            let claimBatch = max(1, configuration.concurrency / 2)
            var claimDue = true

            while !stopping {
                hooks.alive()
                if ContinuousClock.now - lastRescue >= configuration.rescueInterval {
                    try? await rescue()
                    lastRescue = .now
                }
                let free = configuration.concurrency - running
                var claimed: [LeasedJob] = []
                if free > 0 && (claimDue || free >= claimBatch || running == 0) {
                    claimed = await claim(free)
                    claimDue = false
                }
                for leased in claimed {
                    running += 1
                    group.addTask {
                        await self.execute(leased)
                        return .jobFinished
                    }
                }
                if !claimed.isEmpty && claimed.count == free { continue }
                if configuration.exitWhenIdle, claimed.isEmpty, running == 0,
                    (try? await store.pendingCount(kinds: registry.kinds)) == 0
                {
                    break
                }
                if !tickPending {
                    tickPending = true
                    let interval = configuration.pollInterval
                    group.addTask { [store] in
                        await store.awaitWork(timeout: interval)
                        return .tick
                    }
                }
                switch await group.next() {
                case .jobFinished: running -= 1
                case .tick:
                    tickPending = false
                    claimDue = true
                case .shutdown, .none: stopping = true
                case .drainDeadline: break
                }
            }

            if stopping {
                hooks.stopping()
                logger.info("worker draining", metadata: ["running": "\(running)", "deadline": "\(configuration.drainTimeout)"])
            }
            if running > 0 {
                let timeout = configuration.drainTimeout
                group.addTask {
                    try? await Task.sleep(for: timeout)
                    return .drainDeadline
                }
                while running > 0, let event = await group.next() {
                    switch event {
                    case .jobFinished: running -= 1
                    case .drainDeadline:
                        logger.warning("drain deadline passed; handing back running jobs", metadata: ["running": "\(running)"])
                        // A job task cancelled here hands its job back (see `execute`).
                        group.cancelAll()
                    case .tick, .shutdown: break
                    }
                }
            }
            group.cancelAll()
        }
        logger.info("worker stopped", metadata: ["worker": "\(workerID)"])
    }

    private func claim(_ limit: Int) async -> [LeasedJob] {
        let request = ClaimRequest(
            workerID: workerID, kinds: registry.kinds, limit: limit,
            leaseDuration: configuration.leaseDuration, perRepositoryLimit: configuration.perRepositoryLimit)
        do {
            return try await store.claim(request)
        } catch {
            logger.error("claim failed", metadata: ["error": "\(error)"])
            return []
        }
    }

    private func rescue() async throws {
        let rescued = try await store.rescueExpired()
        if rescued > 0 { logger.warning("rescued jobs with expired leases", metadata: ["count": "\(rescued)"]) }
    }
}
