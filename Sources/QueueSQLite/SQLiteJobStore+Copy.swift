import Foundation
import GRDB
import Queue

extension SQLiteJobStore {
    /// One chunk of a table for `QueueCopy`, in primary-key order.
    public func copyChunk(table: String, offset: Int, limit: Int) async throws -> (json: String, count: Int) {
        guard QueueCopy.tables.contains(table) else { throw QueueError.invalidArgument("no table \(table) to copy") }
        let order =
            [
                "job_checkpoints": "job_id, stage", "queue_settings": "name", "metric_totals": "name, label", "webhook_deliveries": "id",
                "fix_outcomes": "repo, pr_number",
            ][table] ?? "id"
        return try await pool.read { db in
            let objects: [[String: Any]] = try Row.fetchAll(db, sql: "SELECT * FROM \(table) ORDER BY \(order) LIMIT ? OFFSET ?", arguments: [limit, offset])
                .map { row in
                    var object: [String: Any] = [:]
                    for (column, value) in row {
                        switch value.storage {
                        case .null: object[column] = NSNull()
                        case .int64(let number): object[column] = number
                        case .double(let number): object[column] = number
                        case .string(let text): object[column] = text
                        case .blob(let data): object[column] = data.base64EncodedString()
                        }
                    }
                    return object
                }
            return (String(decoding: try JSONSerialization.data(withJSONObject: objects), as: UTF8.self), objects.count)
        }
    }
}
