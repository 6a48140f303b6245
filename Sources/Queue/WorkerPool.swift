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
    let heartbeats: Ticker

    public init(
        store: any JobStore, registry: JobRegistry, configuration: WorkerConfiguration,
        hooks: WorkerPoolHooks = WorkerPoolHooks(), logger: Logger, clock: any WallClock = SystemWallClock()
    ) {
        self.store = store
        completer = GroupCommitter { [store] batch in try await store.finish(batch) }
        self.registry = registry
        self.configuration = configuration
        heartbeats = Ticker(interval: configuration.heartbeatInterval)
        workerID = configuration.resolvedWorkerID
        self.hooks = hooks
        self.logger = logger
        self.clock = clock
    }

    private enum Event: Sendable {
        case jobFinished
        case claimed([LeasedJob], limit: Int)
        case tick
        case shutdown
        case drainDeadline
        case heartbeatsStopped
    }

    public func run() async throws {
        try await withTaskExecutorPreference(store.taskExecutor) { try await runPool() }
    }

    private func runPool() async throws {
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
            group.addTask {
                await self.heartbeats.run()
                return .heartbeatsStopped
            }
            var running = 0
            var tickPending = false
            var stopping = false
            var idle = false
            // One claim at a time, in its own task, for every slot free when it starts: slots that free
            // while it runs go into the next one, so claims batch themselves under load (like the group
            // commit of completions) and a lone free slot is refilled at once.
            var claiming = false
            // The last claim filled every slot it asked for, so more work is likely waiting: refill
            // without waiting for a notification or the poll.
            var backlog = true
            var claimDue = true

            while !stopping, !idle {
                hooks.alive()
                if ContinuousClock.now - lastRescue >= configuration.rescueInterval {
                    try? await rescue()
                    lastRescue = .now
                }
                let free = configuration.concurrency - running
                if free > 0, !claiming, backlog || claimDue {
                    claiming = true
                    claimDue = false
                    group.addTask { .claimed(await self.claim(free), limit: free) }
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
                case .claimed(let jobs, let limit):
                    claiming = false
                    backlog = jobs.count == limit
                    for leased in jobs {
                        running += 1
                        group.addTask {
                            await self.execute(leased)
                            return .jobFinished
                        }
                    }
                    if configuration.exitWhenIdle, jobs.isEmpty, running == 0, (try? await store.pendingCount(kinds: registry.kinds)) == 0 {
                        idle = true
                    }
                case .tick:
                    tickPending = false
                    claimDue = true
                case .shutdown, .none: stopping = true
                case .drainDeadline, .heartbeatsStopped: break
                }
            }

            if stopping {
                hooks.stopping()
                logger.info("worker draining", metadata: ["running": "\(running)", "deadline": "\(configuration.drainTimeout)"])
            }
            if running > 0 || claiming {
                let timeout = configuration.drainTimeout
                group.addTask {
                    try? await Task.sleep(for: timeout)
                    return .drainDeadline
                }
                while running > 0 || claiming, let event = await group.next() {
                    switch event {
                    case .jobFinished: running -= 1
                    case .claimed(let jobs, _):
                        // Leased as the shutdown began: the store already shows them running, so they
                        // run like the rest, under the same drain deadline.
                        claiming = false
                        for leased in jobs {
                            running += 1
                            group.addTask {
                                await self.execute(leased)
                                return .jobFinished
                            }
                        }
                    case .drainDeadline:
                        logger.warning("drain deadline passed; handing back running jobs", metadata: ["running": "\(running)"])
                        // A job task cancelled here hands its job back (see `execute`).
                        group.cancelAll()
                    case .tick, .shutdown, .heartbeatsStopped: break
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
