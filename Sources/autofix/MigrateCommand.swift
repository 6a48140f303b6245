import App
import ArgumentParser
import AutofixCLI
import Queue

/// `autofix migrate`: creates or upgrades the database schema.
struct MigrateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "migrate", abstract: "Apply the embedded migrations to the database (also done at every start-up).")

    @OptionGroup var global: GlobalOptions

    func run() async throws {
        let app = try global.makeApp()
        let applied = try await app.withStore(.intake) { try await $0.appliedMigrations() }
        printLine("\(app.databaseDisplayName): \(applied.count) migrations applied (\(applied.joined(separator: ", ")))")
    }
}
