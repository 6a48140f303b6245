import App
import ArgumentParser
import AutofixCLI
import Foundation
import Queue
import QueuePostgres
import QueueSQLite

/// `autofix migrate-store`: moves a queue from the embedded SQLite file to PostgreSQL, history included.
struct MigrateStoreCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "migrate-store",
        abstract: "Copy a queue, history included, from a SQLite file into an empty PostgreSQL queue.",
        discussion: "Stop the workers first. The copy is one transaction: it lands whole or not at all.")

    @Option(help: "sqlite:PATH of the queue to copy.") var from: String
    @Option(help: "postgres://USER@HOST/DB?… of the empty target.") var to: String
    @OptionGroup var global: GlobalOptions

    func run() async throws {
        guard from.hasPrefix("sqlite:") else { throw UsageError(message: "--from must be sqlite:PATH, not \(from)") }
        let path = String(from.dropFirst("sqlite:".count))
        guard FileManager.default.fileExists(atPath: path) else { throw UsageError(message: "no SQLite queue at \(path)") }
        guard PostgresStoreConfiguration.isPostgresURL(to) else { throw UsageError(message: "--to must be a postgres:// URL") }
        let source = try SQLiteJobStore(configuration: SQLiteStoreConfiguration(path: path, connections: .single))
        try await source.migrate()
        var app = try global.makeApp()
        app = AutofixApp(
            configuration: {
                var c = app.configuration
                c.database = to
                return c
            }(), environment: app.environment)
        let copied = try await app.withStore(.intake) { store in
            guard let target = store as? PostgresJobStore else { throw UsageError(message: "--to must be a postgres:// URL") }
            return try await target.importQueue { table, offset, limit in try await source.copyChunk(table: table, offset: offset, limit: limit) }
        }
        for table in QueueCopy.tables { printLine("\(table): \(copied[table] ?? 0) rows") }
        printLine("copied \(path) to \(PostgresStoreConfiguration.redacted(to))")
    }
}
