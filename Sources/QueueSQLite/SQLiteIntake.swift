import Core
import Foundation
import GRDBSQLite
import Queue

/// The intake's one-row write for a process that lives only to make it (`autofix enqueue`).
///
/// It runs the store's own enqueue statement, durably (synchronous=FULL) and with the store's
/// busy policy, but straight on libsqlite3: a connection pool, dispatch queues and GRDB's generic
/// row machinery cost a one-shot process more start-up time than the write itself. It declines
/// (returns nil) whenever the database is not already there and fully migrated, and the caller
/// then goes through `SQLiteJobStore`, which creates and migrates.
public enum SQLiteIntake {
    /// The job id, and false when the dedupe key matched an existing job.
    public struct Receipt: Sendable, Hashable {
        public var id: Int64
        public var created: Bool

        public init(id: Int64, created: Bool) {
            self.id = id
            self.created = created
        }
    }

    public static func enqueue(
        _ job: NewJob, configuration: SQLiteStoreConfiguration, clock: any WallClock = SystemWallClock()
    ) throws -> Receipt? {
        guard job.maxAttempts >= 1, access(configuration.path, W_OK) == 0 else { return nil }
        var handle: OpaquePointer?
        guard sqlite3_open_v2(configuration.path, &handle, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, nil) == SQLITE_OK,
            let db = handle
        else {
            sqlite3_close(handle)
            return nil
        }
        defer { sqlite3_close(db) }
        sqlite3_extended_result_codes(db, 1)
        sqlite3_busy_handler(db, { _, tries in SQLiteJobStore.busyCallback()(Int(tries)) ? 1 : 0 }, nil)
        let synchronous = configuration.durability == .full ? "FULL" : "NORMAL"
        guard exec(db, "PRAGMA journal_mode = WAL; PRAGMA synchronous = \(synchronous); PRAGMA foreign_keys = ON") == SQLITE_OK,
            try userVersion(db) == EmbeddedMigrations.sqlite.count
        else { return nil }

        let deadline = ContinuousClock.now.advanced(by: configuration.busyDeadline)
        var tries = 0
        while true {
            let code = try attempt(db, job, now: clock.now())
            if case .done(let receipt) = code { return receipt }
            _ = exec(db, "ROLLBACK")
            tries += 1
            guard ContinuousClock.now < deadline else {
                throw QueueError.busy("still locked after \(configuration.busyDeadline) (\(tries) tries)")
            }
            usleep(UInt32(RetryPolicy.busyDatabase.delay(afterAttempt: tries, atLeast: .microseconds(500)).seconds * 1_000_000))
        }
    }

    private enum Attempt {
        case done(Receipt)
        case busy
    }

    /// One transaction; `.busy` when the lock could not be had, errors for anything else.
    private static func attempt(_ db: OpaquePointer, _ job: NewJob, now: Date) throws -> Attempt {
        var code = exec(db, "BEGIN IMMEDIATE")
        if isBusy(code) { return .busy }
        try check(db, code)
        let insert = try prepare(db, SQLiteStatements.enqueue)
        defer { sqlite3_finalize(insert) }
        bind(insert, ":kind", job.kind)
        bind(insert, ":repo", job.repo)
        bind(insert, ":dedupeKey", job.dedupeKey)
        bind(insert, ":payload", job.payload)
        sqlite3_bind_int64(insert, sqlite3_bind_parameter_index(insert, ":priority"), Int64(job.priority))
        sqlite3_bind_int64(insert, sqlite3_bind_parameter_index(insert, ":runAt"), (job.runAt ?? now).millis)
        sqlite3_bind_int64(insert, sqlite3_bind_parameter_index(insert, ":maxAttempts"), Int64(job.maxAttempts))
        sqlite3_bind_int64(insert, sqlite3_bind_parameter_index(insert, ":now"), now.millis)
        code = sqlite3_step(insert)
        if isBusy(code) { return .busy }
        var receipt: Receipt
        if code == SQLITE_ROW {
            receipt = Receipt(id: sqlite3_column_int64(insert, 0), created: true)
            code = sqlite3_step(insert)
            if isBusy(code) { return .busy }
        } else {
            try check(db, code, expect: SQLITE_DONE)
            let existing = try prepare(db, SQLiteStatements.jobByDedupeKey)
            defer { sqlite3_finalize(existing) }
            bind(existing, 1, job.dedupeKey)
            code = sqlite3_step(existing)
            if isBusy(code) { return .busy }
            try check(db, code, expect: SQLITE_ROW)
            receipt = Receipt(id: sqlite3_column_int64(existing, 0), created: false)
        }
        code = exec(db, "COMMIT")
        if isBusy(code) { return .busy }
        try check(db, code)
        return .done(receipt)
    }

    private static func userVersion(_ db: OpaquePointer) throws -> Int {
        let statement = try prepare(db, "PRAGMA user_version")
        defer { sqlite3_finalize(statement) }
        guard sqlite3_step(statement) == SQLITE_ROW else { return -1 }
        return Int(sqlite3_column_int64(statement, 0))
    }

    private static func exec(_ db: OpaquePointer, _ sql: String) -> Int32 {
        sqlite3_exec(db, sql, nil, nil, nil)
    }

    private static func prepare(_ db: OpaquePointer, _ sql: String) throws -> OpaquePointer? {
        var statement: OpaquePointer?
        try check(db, sqlite3_prepare_v2(db, sql, -1, &statement, nil))
        return statement
    }

    private static func bind(_ statement: OpaquePointer?, _ name: String, _ value: String?) {
        bind(statement, sqlite3_bind_parameter_index(statement, name), value)
    }

    private static func bind(_ statement: OpaquePointer?, _ index: Int32, _ value: String?) {
        guard let value else {
            sqlite3_bind_null(statement, index)
            return
        }
        // SQLITE_TRANSIENT: SQLite copies the bytes before this call returns.
        sqlite3_bind_text(statement, index, value, -1, unsafeBitCast(-1, to: sqlite3_destructor_type.self))
    }

    private static func isBusy(_ code: Int32) -> Bool {
        code & 0xff == SQLITE_BUSY || code & 0xff == SQLITE_LOCKED
    }

    private static func check(_ db: OpaquePointer, _ code: Int32, expect: Int32 = SQLITE_OK) throws {
        guard code != expect else { return }
        throw QueueError.storageUnavailable("database error: \(String(cString: sqlite3_errmsg(db)))")
    }
}
