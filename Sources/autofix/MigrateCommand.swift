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
        let store = try await app.openStore(.intake)
        let applied = try await store.appliedMigrations()
        printLine("\(app.configuration.database): \(applied.count) migrations applied (\(applied.joined(separator: ", ")))")
    }
}
