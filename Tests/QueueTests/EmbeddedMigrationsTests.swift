import Foundation
import Queue
import QueuePostgres
import QueueSQLite
import Testing

@Suite struct EmbeddedMigrationsTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("migrations/sqlite")

    @Test func embeddedMigrations_equalTheMigrationsFolder() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.folder.path).filter { $0.hasSuffix(".sql") }.sorted()
        let onDisk = try files.map { file in
            (String(file.dropLast(4)), try String(contentsOf: Self.folder.appendingPathComponent(file), encoding: .utf8))
        }
        #expect(EmbeddedMigrations.sqlite.map(\.id) == onDisk.map(\.0), "run scripts/embed-migrations")
        for (embedded, disk) in zip(EmbeddedMigrations.sqlite, onDisk) {
            #expect(
                embedded.sql.trimmingCharacters(in: .whitespacesAndNewlines) == disk.1.trimmingCharacters(in: .whitespacesAndNewlines),
                "\(embedded.id) differs from its file: run scripts/embed-migrations")
        }
    }

    @Test func migrationIDs_areNumberedInOrderWithoutGaps() {
        let numbers = EmbeddedMigrations.sqlite.map { Int($0.id.prefix(4)) }
        #expect(numbers == Array(1...EmbeddedMigrations.sqlite.count).map { Optional($0) })
    }

    @Test func migrate_recordsEveryMigrationAndIsIdempotent() async throws {
        let dir = try makeTemporaryDirectory()
        let store = try SQLiteJobStore(configuration: SQLiteStoreConfiguration(path: dir.appendingPathComponent("m.sqlite").path))
        try await store.migrate()
        try await store.migrate()
        #expect(try await store.appliedMigrations() == EmbeddedMigrations.sqlite.map(\.id))
    }
}

@Suite struct JobColumnOrderTests {
    /// Rows are decoded by position; the schema's column order must start with the decoded order.
    @Test func jobColumns_matchTheSchemaOrder() async throws {
        let dir = try makeTemporaryDirectory()
        let store = try SQLiteJobStore(configuration: SQLiteStoreConfiguration(path: dir.appendingPathComponent("c.sqlite").path))
        try await store.migrate()
        let (schema, decoded) = try await store.jobColumnNames()
        #expect(Array(schema.prefix(decoded.count)) == decoded)
    }
}

@Suite struct PostgresMigrationsTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("migrations/postgres")

    @Test func embeddedMigrations_equalTheMigrationsFolder() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.folder.path).filter { $0.hasSuffix(".sql") }.sorted()
        #expect(PostgresMigrations.all.map(\.id) == files.map { String($0.dropLast(4)) }, "run scripts/embed-migrations")
        for (embedded, file) in zip(PostgresMigrations.all, files) {
            let disk = try String(contentsOf: Self.folder.appendingPathComponent(file), encoding: .utf8)
            #expect(
                embedded.sql.trimmingCharacters(in: .whitespacesAndNewlines) == disk.trimmingCharacters(in: .whitespacesAndNewlines),
                "\(embedded.id) differs from its file: run scripts/embed-migrations")
        }
    }

    /// The dashboard views and tables have the same names in both stores.
    @Test func bothStores_createTheSameTablesAndViews() {
        func names(_ sql: [(id: String, sql: String)]) -> Set<String> {
            let pattern = /CREATE (?:TABLE|VIEW) (\w+)/
            return Set(sql.flatMap { $0.sql.matches(of: pattern).map { String($0.1) } })
        }
        #expect(names(EmbeddedMigrations.sqlite) == names(PostgresMigrations.all).subtracting(["metric_events"]))
    }
}
