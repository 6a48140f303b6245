import Core
import GRDB
import Queue

/// Applies the embedded migrations in order; GRDB records each applied identifier in `grdb_migrations`.
enum SQLiteMigrator {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        for migration in EmbeddedMigrations.sqlite {
            migrator.registerMigration(migration.id) { db in try db.execute(sql: migration.sql) }
        }
        return migrator
    }

    static func migrate(_ pool: any DatabaseWriter) async throws {
        let migrator = self.migrator
        let count = EmbeddedMigrations.sqlite.count
        var lastError: (any Error)?
        // Several processes may start on a new database at once; GRDB checks what is applied
        // before it takes the write lock, so a loser of that race fails and simply looks again.
        for _ in 0..<20 {
            // The common case (already migrated) is one pragma read: no write lock, no migrator queries.
            // user_version is stamped only after GRDB has recorded every migration.
            if try await pool.read({ db in try Int.fetchOne(db, sql: "PRAGMA user_version") }) == count { return }
            do {
                try migrator.migrate(pool)
                try await pool.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA user_version = \(count)") }
                return
            } catch {
                lastError = error
                try await Task.sleep(for: .milliseconds(Int.random(in: 5...50)))
            }
        }
        let detail = (lastError as? DatabaseError)?.message ?? lastError.map { "\($0)" } ?? "unknown"
        throw QueueError.migrationFailed(detail)
    }

    /// Identifiers of the migrations applied to the database.
    static func applied(_ pool: any DatabaseWriter) async throws -> [String] {
        let migrator = self.migrator
        return try await pool.read { db in try migrator.appliedIdentifiers(db).sorted() }
    }
}
