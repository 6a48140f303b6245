import Foundation
import Logging
import Queue
import QueueSQLite
import ServiceLifecycle

/// The composition root: configuration in, store, registry and services out. `main` and the tests both build through it.
public struct AutofixApp: Sendable {
    public let configuration: AutofixConfiguration
    public let environment: [String: String]

    public init(configuration: AutofixConfiguration, environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.configuration = configuration
        self.environment = environment
    }

    public func storeConfiguration(_ role: StoreRole) -> SQLiteStoreConfiguration {
        SQLiteStoreConfiguration(
            path: configuration.database, connections: role == .intake ? .single : .pool,
            durability: role == .intake ? .full : .normal,
            busyDeadline: configuration.busyTimeout, retryPolicy: configuration.retry)
    }

    /// Mirrors and worktrees: `pipeline.work_dir`, else `git/` beside the database.
    public var workDirectory: String {
        configuration.pipeline.workDirectory
            ?? URL(fileURLWithPath: configuration.database).deletingLastPathComponent().appendingPathComponent("git").path
    }

    public var intakeStoreConfiguration: SQLiteStoreConfiguration { storeConfiguration(.intake) }

    public func makeLogger(label: String = "autofix") -> Logger {
        let format = configuration.logFormat
        let level = Logger.Level(rawValue: configuration.logLevel) ?? .info
        let journald = environment["JOURNAL_STREAM"] != nil
        return Logger(label: label) { label in LineLogHandler(label: label, format: format, level: level, journald: journald) }
    }

    /// The job kinds this build runs.
    public func makeRegistry() -> JobRegistry {
        var registry = JobRegistry()
        DiagnosticJobs.register(into: &registry, includeRecorder: configuration.diagnosticKinds)
        return registry
    }

    /// Runs the worker daemon until SIGTERM/SIGINT (or until idle, if so configured), with `registry`'s kinds
    /// and the `periodic` jobs it enqueues itself (a worker that exits when idle enqueues them once, at start).
    public func runWorker(logger: Logger, registry jobKinds: JobRegistry? = nil, periodic: [PeriodicJob] = []) async throws {
        try await withStore(.worker, longRunning: true) { store in
            try await runWorker(store: store, logger: logger, registry: jobKinds, periodic: periodic)
        }
    }

    private func runWorker(store: any JobStore, logger: Logger, registry jobKinds: JobRegistry?, periodic: [PeriodicJob]) async throws {
        let notifier = SystemdNotifier(environment: environment)
        let watchdog = SystemdNotifier.watchdogInterval(environment: environment).map {
            WatchdogService(notifier: notifier, interval: $0)
        }
        let registry = ProcessMetrics.registry
        let durations = JobRunTimers()
        let hooks = WorkerPoolHooks(
            ready: { notifier.notify("READY=1\nSTATUS=processing jobs") },
            stopping: { notifier.notify("STOPPING=1\nSTATUS=draining") },
            alive: { watchdog?.markAlive() },
            jobEnded: { outcome, elapsed in durations.record(outcome, elapsed) })
        let pool = WorkerPool(store: store, registry: jobKinds ?? makeRegistry(), configuration: configuration.worker, hooks: hooks, logger: logger)
        var services = [ServiceGroupConfiguration.ServiceConfiguration(service: pool, successTerminationBehavior: .gracefullyShutdownGroup)]
        if let watchdog { services.append(.init(service: watchdog)) }
        if !periodic.isEmpty {
            let scheduler = PeriodicScheduler(store: store, jobs: periodic, logger: logger)
            if configuration.worker.exitWhenIdle {
                await scheduler.enqueueDue()
            } else {
                services.append(.init(service: scheduler, successTerminationBehavior: .ignore, failureTerminationBehavior: .ignore))
            }
        }
        if let file = configuration.worker.metricsFile { services.append(.init(service: MetricsFileService(path: file, registry: registry))) }
        var groupConfiguration = ServiceGroupConfiguration(services: services, logger: logger)
        groupConfiguration.gracefulShutdownSignals = [.sigterm, .sigint]
        try await ServiceGroup(configuration: groupConfiguration).run()
    }
}
