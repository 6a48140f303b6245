import App
import ArgumentParser
import Foundation
import Queue

/// Options every command takes; they pick the configuration and the database.
public struct GlobalOptions: ParsableArguments {
    public init() {}

    @Option(name: .long, help: "YAML configuration file (default: $AUTOFIX_CONFIG, then /etc/autofix/config.yml if present).")
    public var config: String?

    @Option(name: .long, help: "SQLite database file or postgres:// URL (default: $AUTOFIX_DATABASE, the config file, ./var/autofix.sqlite).")
    public var database: String?

    public func makeApp() throws -> AutofixApp {
        try Self.makeApp(config: config, database: database)
    }

    public static func makeApp(config: String?, database: String?) throws -> AutofixApp {
        // Read once: building the environment dictionary is a measurable part of an enqueue's start-up.
        let environment = ProcessInfo.processInfo.environment
        var configuration = try ConfigurationLoader(environment: environment).load(file: config)
        if let database { configuration.database = database }
        return AutofixApp(configuration: configuration, environment: environment)
    }

    /// Runs an operator command against the store; it never creates a SQLite database that does not exist.
    public func withExistingStore<T>(_ app: AutofixApp, _ body: (any JobStore) async throws -> T) async throws -> T {
        guard app.usesPostgres || FileManager.default.fileExists(atPath: app.configuration.database) else {
            throw QueueError.storageUnavailable("no database at \(app.configuration.database) (enqueue a job or run 'autofix migrate' first)")
        }
        return try await app.withStore(.intake, body)
    }
}

public func parseJobID(_ text: String) throws -> Int64 {
    guard let id = Int64(text), id > 0 else { throw UsageError(message: "invalid job id \"\(text)\": expected a positive integer") }
    return id
}

public func printLine(_ text: String) {
    FileHandle.standardOutput.write(Data((text + "\n").utf8))
}
