import Core
import Queue

/// How the SQLite store opens its database.
public struct SQLiteStoreConfiguration: Sendable {
    /// `full` fsyncs every commit (intake: a job id is a promise); `normal` may lose the last
    /// commits to a power cut, never to a process crash (worker: jobs are idempotent).
    public enum Durability: String, Sendable, CaseIterable {
        case full
        case normal
    }

    /// `pool` keeps a writer and concurrent readers (daemons); `single` opens one connection,
    /// which is what a one-shot command wants: every connection opened costs start-up time.
    public enum Connections: String, Sendable {
        case pool
        case single
    }

    public var path: String
    public var connections: Connections
    public var durability: Durability
    /// How long a write may wait for the database lock, across busy-handler waits and transaction retries.
    public var busyDeadline: Duration
    public var retryPolicy: RetryPolicy

    public init(
        path: String, connections: Connections = .pool, durability: Durability = .full, busyDeadline: Duration = .seconds(30),
        retryPolicy: RetryPolicy = RetryPolicy()
    ) {
        self.path = path
        self.connections = connections
        self.durability = durability
        self.busyDeadline = busyDeadline
        self.retryPolicy = retryPolicy
    }
}
