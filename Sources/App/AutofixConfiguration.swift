import Foundation
import Intake
import Queue

/// Everything `autofix` is configured with; defaults run on a laptop.
public struct AutofixConfiguration: Sendable {
    public enum LogFormat: String, Sendable, CaseIterable {
        case text
        case json
    }

    /// The SQLite file; `./var/autofix.sqlite`, or under `$STATE_DIRECTORY` when systemd runs us.
    public var database: String
    public var busyTimeout: Duration = .seconds(30)
    public var worker = WorkerConfiguration()
    public var retry = RetryPolicy()
    public var maxAttempts = 5
    public var logFormat: LogFormat = .text
    public var logLevel: String = "info"
    /// Registers the `diag.*` job kinds (they write files named in their payload): tests and smoke checks only.
    public var diagnosticKinds = false
    /// `autofix serve`: address, limits and the intake's secrets.
    public var http = IntakeHTTPConfiguration()
    public var github = GitHubSettings()

    /// Where GitHub is and how to authenticate; the token is a secret (env, credential file), never logged.
    public struct GitHubSettings: Sendable {
        public var apiURL = URL(string: "https://api.github.com")!
        public var token: String?
    }

    public init(database: String = AutofixConfiguration.defaultDatabase(environment: ProcessInfo.processInfo.environment)) {
        self.database = database
    }

    public static func defaultDatabase(environment: [String: String]) -> String {
        if let state = environment["STATE_DIRECTORY"]?.split(separator: ":").first, !state.isEmpty {
            return "\(state)/autofix.sqlite"
        }
        return "./var/autofix.sqlite"
    }
}
