import Core
import Foundation
import PostgresNIO
import Queue

/// Builds a statement with positional binds; `nil` binds SQL NULL (the server infers its type).
enum SQL {
    static func query(_ sql: String, _ values: [(any PostgresThrowingDynamicTypeEncodable)?] = []) throws -> PostgresQuery {
        var binds = PostgresBindings(capacity: values.count)
        for value in values {
            if let value { try binds.append(value) } else { binds.appendNull() }
        }
        return PostgresQuery(unsafeSQL: sql, binds: binds)
    }
}

/// What a transaction's body knows of its transaction id (`pg_current_xact_id_if_assigned()`).
enum TransactionID {
    /// Ask the server before COMMIT.
    case unknown
    /// A statement of the body returned it: nil if the transaction wrote nothing.
    case known(String?)
}

extension PostgresConnection {
    /// Runs `sql` and collects its rows.
    func rows(_ sql: String, _ values: [(any PostgresThrowingDynamicTypeEncodable)?] = [], logger: Logger) async throws -> [PostgresRandomAccessRow] {
        try await send(sql, values, logger: logger).map { $0.makeRandomAccess() }
    }

    /// Runs `sql` for its effect.
    func run(_ sql: String, _ values: [(any PostgresThrowingDynamicTypeEncodable)?] = [], logger: Logger) async throws {
        _ = try await send(sql, values, logger: logger)
    }

    /// Runs `body` between BEGIN and COMMIT (ROLLBACK when it throws), each sent through `send`. Just
    /// before COMMIT, `commitSent` gets the transaction's id and the result, for `pg_xact_status` should
    /// the COMMIT go unanswered. A body whose last statement returned the id says so, saving a round trip.
    func inTransaction<T>(
        logger: Logger, isolation: String = "", commitSent: (String, T) -> Void = { _, _ in },
        _ body: (PostgresConnection) async throws -> (T, TransactionID)
    ) async throws -> T {
        try await run("BEGIN" + isolation, logger: logger)
        let value: T
        let xid: String?
        do {
            let (result, id) = try await body(self)
            value = result
            switch id {
            case .known(let known): xid = known
            case .unknown: xid = try await rows(PostgresStatements.currentTransaction, logger: logger)[0].value(0)
            }
        } catch {
            try? await run("ROLLBACK", logger: logger)
            throw error
        }
        // A transaction that wrote nothing has no id, and running it again is harmless.
        if let xid { commitSent(xid, value) }
        try await run("COMMIT", logger: logger)
        return value
    }

    /// postgres-nio 1.33 writes a query to its channel without a write promise: on a connection already
    /// closed (a backend the server terminated, not yet noticed by the pool) the write fails silently and
    /// the query waits forever, deaf to cancellation. So the check and the write happen together on the
    /// connection's event loop: a connection closed before fails here, as a lost connection the caller
    /// retries on another; one closing after fails the query through its handler.
    private func send(_ sql: String, _ values: [(any PostgresThrowingDynamicTypeEncodable)?], logger: Logger) async throws -> [PostgresRow] {
        let query = try SQL.query(sql, values)
        return try await eventLoop.flatSubmit { () -> EventLoopFuture<[PostgresRow]> in
            guard !self.isClosed else { return self.eventLoop.makeFailedFuture(PostgresFailure.ConnectionGone()) }
            return self.query(query, logger: logger).map(\.rows)
        }.get()
    }
}

extension PostgresRandomAccessRow {
    func value<T: PostgresDecodable>(_ index: Int, _ type: T.Type = T.self) throws -> T {
        try self[index].decode(T.self, context: .default)
    }
}

extension Job {
    /// Decodes a row of `PostgresStatements.jobColumns`, by position.
    init(postgres row: PostgresRandomAccessRow) throws {
        let stateText: String = try row.value(2)
        guard let state = JobState(rawValue: stateText) else {
            throw QueueError.storageUnavailable("job \(try row.value(0, Int64.self)) has unknown state \(stateText)")
        }
        self.init(
            id: try row.value(0), kind: try row.value(1), state: state, repo: try row.value(3), dedupeKey: try row.value(4),
            payload: try row.value(5), priority: try row.value(6), runAt: Date(millis: try row.value(7)),
            attempts: try row.value(8), maxAttempts: try row.value(9), leaseOwner: try row.value(10),
            leaseUntil: (try row.value(12, Int64?.self)).map(Date.init(millis:)), cancelRequested: try row.value(13),
            lastError: try row.value(14), prURL: try row.value(15), result: try row.value(16),
            createdAt: Date(millis: try row.value(17)), updatedAt: Date(millis: try row.value(18)),
            finishedAt: (try row.value(19, Int64?.self)).map(Date.init(millis:)))
    }
}

extension RunRecord {
    /// Decodes a row of `PostgresStatements.runsOfJob`.
    init(postgres row: PostgresRandomAccessRow, stages: [StageRecord]) throws {
        self.init(
            id: try row.value(0), jobID: try row.value(1), attempt: try row.value(2), workerID: try row.value(3),
            startedAt: Date(millis: try row.value(4)), finishedAt: (try row.value(5, Int64?.self)).map(Date.init(millis:)),
            outcome: try row.value(6), error: try row.value(7), tokensIn: try row.value(8), tokensOut: try row.value(9),
            costUSD: try row.value(10), promptVersion: try row.value(11), stages: stages)
    }
}

extension StageRecord {
    /// Decodes a row of `PostgresStatements.stagesOfJob` (its first column, the run id, is the caller's).
    init(postgres row: PostgresRandomAccessRow) throws {
        self.init(
            stage: try row.value(1), startedAt: Date(millis: try row.value(2)),
            duration: .milliseconds(try row.value(3, Int64.self)), outcome: try row.value(4), detail: try row.value(5))
    }
}
