import Foundation
import PostgresNIO
import Queue

extension PostgresJobStore {
    /// Fills this (empty) store with a whole queue, history included, in one transaction: a copy that
    /// fails leaves nothing behind. Refuses a store that already holds jobs or run records.
    /// Returns the rows copied per table.
    public func importQueue(from source: @escaping QueueCopy.Source) async throws -> [String: Int] {
        try await transaction(timeout: .seconds(6 * 3600)) { connection, logger in
            let existing: Int = try await connection.rows(PostgresStatements.queueRowCount, logger: logger)[0].value(0)
            guard existing == 0 else {
                throw QueueError.invalidArgument(
                    "the target already holds \(existing) jobs, run records, fix outcomes or eval results; migrate-store copies only into an empty queue")
            }
            var copied: [String: Int] = [:]
            for table in QueueCopy.tables {
                // Settings, delivery ids and totals of a queue that never ran a job give way to the copy's;
                // the totals last, since inserting run records counted attempts again.
                if !["jobs", "job_runs", "run_stages", "job_checkpoints", "fix_outcomes", "eval_results"].contains(table) {
                    try await connection.run(PostgresStatements.clear(table), logger: logger)
                }
                if table == "metric_totals" { try await connection.run(PostgresStatements.clear("metric_events"), logger: logger) }
                var offset = 0
                while true {
                    let chunk = try await source(table, offset, QueueCopy.chunk)
                    if chunk.count == 0 { break }
                    try await connection.run(PostgresStatements.importRows(table), [chunk.json], logger: logger)
                    offset += chunk.count
                }
                copied[table] = offset
            }
            try await connection.run(PostgresStatements.resetIdentities, logger: logger)
            return copied
        }
    }
}
