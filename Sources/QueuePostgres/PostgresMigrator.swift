import Core
import Foundation
import PostgresNIO
import Queue

/// Applies the embedded migrations in one transaction under an advisory lock: hosts that start together
/// wait for the first, then find nothing to do. PostgreSQL's DDL is transactional, so a failed migration
/// leaves the schema as it was.
enum PostgresMigrator {
    static func migrate(_ store: PostgresJobStore) async throws {
        // The common case (every command start, every `autofix enqueue`): already migrated, one read,
        // no lock that would queue concurrent enqueues behind each other.
        if try await Set(applied(store)).isSuperset(of: PostgresMigrations.all.map(\.id)) { return }
        do {
            try await store.transaction(timeout: .seconds(3600)) { connection, logger in
                try await connection.run(PostgresStatements.lockMigrations, logger: logger)
                try await connection.run(PostgresStatements.createMigrationsTable, logger: logger)
                let applied = Set(try await connection.rows(PostgresStatements.appliedMigrations, logger: logger).map { try $0.value(0, String.self) })
                for migration in PostgresMigrations.all where !applied.contains(migration.id) {
                    for statement in SQLScript.statements(migration.sql) {
                        try await connection.run(statement, logger: logger)
                    }
                    try await connection.run(PostgresStatements.recordMigration, [migration.id, Date().millis], logger: logger)
                }
            }
        } catch let error as QueueError {
            throw error.isRetryable ? error : QueueError.migrationFailed(error.description)
        }
    }

    static func applied(_ store: PostgresJobStore) async throws -> [String] {
        try await store.read { connection, logger in
            guard try await connection.rows(PostgresStatements.migrationsTableExists, logger: logger)[0].value(0, Bool.self) else { return [] }
            return try await connection.rows(PostgresStatements.appliedMigrations, logger: logger).map { try $0.value(0) }
        }
    }
}

/// Splits a migration file into statements: the extended protocol takes one at a time. Semicolons inside
/// quotes, dollar-quoted bodies (`$$ … $$`, `$tag$ … $tag$`) and comments do not end a statement.
enum SQLScript {
    static func statements(_ script: String) -> [String] {
        var statements: [String] = []
        var current = ""
        var index = script.startIndex
        func rest(_ from: String.Index) -> Substring { script[from...] }
        while index < script.endIndex {
            let character = script[index]
            if rest(index).hasPrefix("--") {
                let end = script[index...].firstIndex(of: "\n") ?? script.endIndex
                index = end
                continue
            }
            if character == "'" || character == "\"" {
                let close = script[script.index(after: index)...].firstIndex(of: character) ?? script.index(before: script.endIndex)
                current += script[index...close]
                index = script.index(after: close)
                continue
            }
            if character == "$", let tagEnd = script[script.index(after: index)...].firstIndex(of: "$"),
                script[script.index(after: index)..<tagEnd].allSatisfy({ $0.isLetter || $0 == "_" })
            {
                let tag = String(script[index...tagEnd])
                let bodyStart = script.index(after: tagEnd)
                let close = script[bodyStart...].range(of: tag)?.upperBound ?? script.endIndex
                current += script[index..<close]
                index = close
                continue
            }
            if character == ";" {
                let statement = current.trimmingCharacters(in: .whitespacesAndNewlines)
                if !statement.isEmpty { statements.append(statement) }
                current = ""
            } else {
                current.append(character)
            }
            index = script.index(after: index)
        }
        let last = current.trimmingCharacters(in: .whitespacesAndNewlines)
        if !last.isEmpty { statements.append(last) }
        return statements
    }
}
