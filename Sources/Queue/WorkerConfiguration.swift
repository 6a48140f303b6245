import Foundation

/// How a worker pool leases and runs jobs.
public struct WorkerConfiguration: Sendable {
    /// Written on every lease and run record; nil means host:pid, resolved when the worker starts
    /// (looking up the host name costs milliseconds a one-shot command should not pay).
    public var workerID: String?
    /// Jobs run at once by this process.
    public var concurrency: Int
    public var leaseDuration: Duration
    /// How often an idle pool looks for work (SQLite has no cross-process notification).
    public var pollInterval: Duration
    /// How often expired leases of crashed workers are rescued.
    public var rescueInterval: Duration
    /// After SIGTERM, running jobs get this long to finish before they are handed back.
    public var drainTimeout: Duration
    public var perRepositoryLimit: Int
    /// Stop once no job of a registered kind is queued or running (batch use, demos, benchmarks).
    public var exitWhenIdle: Bool
    /// Where to write this process's Prometheus metrics for node_exporter's textfile collector.
    public var metricsFile: String?

    public init(
        workerID: String? = nil, concurrency: Int = 4,
        leaseDuration: Duration = .seconds(60), pollInterval: Duration = .seconds(1),
        rescueInterval: Duration = .seconds(15), drainTimeout: Duration = .seconds(30),
        perRepositoryLimit: Int = 1, exitWhenIdle: Bool = false
    ) {
        self.workerID = workerID
        self.concurrency = concurrency
        self.leaseDuration = leaseDuration
        self.pollInterval = pollInterval
        self.rescueInterval = rescueInterval
        self.drainTimeout = drainTimeout
        self.perRepositoryLimit = perRepositoryLimit
        self.exitWhenIdle = exitWhenIdle
        metricsFile = nil
    }

    public static func defaultWorkerID() -> String {
        "\(ProcessInfo.processInfo.hostName):\(ProcessInfo.processInfo.processIdentifier)"
    }

    var resolvedWorkerID: String { workerID ?? Self.defaultWorkerID() }

    /// Heartbeats come three times per lease so one slow write never loses it.
    var heartbeatInterval: Duration { leaseDuration / 3 }
}

/// Lifecycle moments a supervisor (systemd) wants to hear about.
public struct WorkerPoolHooks: Sendable {
    public var ready: @Sendable () -> Void
    public var stopping: @Sendable () -> Void
    /// Called on every turn of the pool's loop, at least once per poll interval.
    public var alive: @Sendable () -> Void
    /// Called once per execution with how it ended (a closed set: a job state, `retry`,
    /// `handed_back`, `lease_lost` or `unrecorded`) and how long it ran.
    public var jobEnded: @Sendable (String, Duration) -> Void

    public init(
        ready: @escaping @Sendable () -> Void = {}, stopping: @escaping @Sendable () -> Void = {},
        alive: @escaping @Sendable () -> Void = {}, jobEnded: @escaping @Sendable (String, Duration) -> Void = { _, _ in }
    ) {
        self.ready = ready
        self.stopping = stopping
        self.alive = alive
        self.jobEnded = jobEnded
    }
}
