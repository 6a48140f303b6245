import GRDB

/// Applies the embedded migrations in order; GRDB records each applied identifier in `grdb_migrations`.
enum SQLiteMigrator {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        for migration in EmbeddedMigrations.sqlite {
            migrator.registerMigration(migration.id) { db in try db.execute(sql: migration.sql) }
        }
        return migrator
    }

    static func migrate(_ pool: DatabasePool) async throws {
        let migrator = self.migrator
        var lastError: (any Error)?
        // Several processes may start on a new database at once; GRDB checks what is applied
        // before it takes the write lock, so a loser of that race fails and simply looks again.
        for _ in 0..<20 {
            // A read first: the common case (already migrated) must not take the write lock.
            if try await pool.read({ db in try migrator.hasCompletedMigrations(db) }) { return }
            do {
                try migrator.migrate(pool)
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
    static func applied(_ pool: DatabasePool) async throws -> [String] {
        let migrator = self.migrator
        return try await pool.read { db in try migrator.appliedIdentifiers(db).sorted() }
    }
}
