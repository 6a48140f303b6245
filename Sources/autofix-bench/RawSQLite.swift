import ChildProcess
import Foundation
import GRDBSQLite

/// The baseline: libsqlite3 called directly, one connection, prepared statements, no abstraction.
final class RawSQLite {
    private var db: OpaquePointer?

    init(path: String, synchronous: String) throws {
        guard sqlite3_open(path, &db) == SQLITE_OK else { throw BenchError("cannot open \(path)") }
        sqlite3_busy_timeout(db, 30_000)
        try exec("PRAGMA journal_mode = WAL")
        try exec("PRAGMA synchronous = \(synchronous)")
    }

    deinit { sqlite3_close(db) }

    func exec(_ sql: String) throws {
        guard sqlite3_exec(db, sql, nil, nil, nil) == SQLITE_OK else { throw BenchError(String(cString: sqlite3_errmsg(db))) }
    }

    func prepare(_ sql: String) throws -> OpaquePointer? {
        var statement: OpaquePointer?
        guard sqlite3_prepare_v2(db, sql, -1, &statement, nil) == SQLITE_OK else { throw BenchError(String(cString: sqlite3_errmsg(db))) }
        return statement
    }

    /// Same row the store's enqueue writes, one transaction per insert.
    func insertLoop(count: Int) throws {
        let insert = try prepare(
            """
            INSERT INTO jobs (kind, state, repo, dedupe_key, payload, priority, run_at, max_attempts, created_at, updated_at)
            VALUES ('autofix', 'queued', 'bench/raw', ?1, '{"repo":"bench/raw"}', 0, ?2, 5, ?2, ?2)
            """)
        defer { sqlite3_finalize(insert) }
        let now = Int64(Date().timeIntervalSince1970 * 1000)
        for i in 0..<count {
            try exec("BEGIN IMMEDIATE")
            sqlite3_bind_text(insert, 1, "bench/raw#\(i)#1", -1, unsafeBitCast(-1, to: sqlite3_destructor_type.self))
            sqlite3_bind_int64(insert, 2, now)
            guard sqlite3_step(insert) == SQLITE_DONE else { throw BenchError(String(cString: sqlite3_errmsg(db))) }
            sqlite3_reset(insert)
            try exec("COMMIT")
        }
    }

    /// Claim the next queued job, then complete it: two transactions per job, like any queue.
    func claimCompleteLoop() throws -> Int {
        let claim = try prepare(
            """
            UPDATE jobs SET state = 'running', lease_owner = 'raw', lease_token = 'raw' || id, attempts = attempts + 1
            WHERE id = (SELECT id FROM jobs WHERE state = 'queued' ORDER BY priority, run_at, id LIMIT 1)
            RETURNING id
            """)
        let complete = try prepare("UPDATE jobs SET state = 'succeeded', lease_token = NULL, finished_at = 1 WHERE id = ?1 AND lease_token = 'raw' || ?1")
        defer {
            sqlite3_finalize(claim)
            sqlite3_finalize(complete)
        }
        var done = 0
        while true {
            try exec("BEGIN IMMEDIATE")
            guard sqlite3_step(claim) == SQLITE_ROW else {
                sqlite3_reset(claim)
                try exec("COMMIT")
                return done
            }
            let id = sqlite3_column_int64(claim, 0)
            _ = sqlite3_step(claim)
            sqlite3_reset(claim)
            try exec("COMMIT")
            try exec("BEGIN IMMEDIATE")
            sqlite3_bind_int64(complete, 1, id)
            guard sqlite3_step(complete) == SQLITE_DONE else { throw BenchError(String(cString: sqlite3_errmsg(db))) }
            sqlite3_reset(complete)
            try exec("COMMIT")
            done += 1
        }
    }
}

struct BenchError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// A set-up command of a bench that must succeed.
func check(_ result: ProcessResult) throws {
    guard result.succeeded else { throw BenchError("bench set-up: \(result.combinedOutput.suffix(2000))") }
}
