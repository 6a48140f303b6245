import Core
import FeatureConfiguration
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
    /// A SQLite file, or a `postgres://` URL: one setting selects the store for every command.
    public var database: String
    /// The PostgreSQL password when the URL carries none (also `PGPASSWORD`, or the `database-password` credential).
    public var databasePassword: String?
    /// Connections each process may open to PostgreSQL (the pool's size; LISTEN holds one of them).
    public var databaseMaxConnections = 8
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

    /// The model and the pipeline's contract; plain values, so `autofix` itself links no HTTP client.
    public var llm = LLMConfiguration()
    public var pipeline = PipelineConfiguration()
    /// Acting on autofix pull requests' CI, review and fate (`outcomes.*`).
    public var outcomes = OutcomeConfiguration()

    /// Where GitHub is and how to authenticate; the token and App key are secrets (env, credential file), never logged.
    public struct GitHubSettings: Sendable {
        public var apiURL = URL(string: "https://api.github.com")!
        public var token: String?
        /// GitHub App authentication (instead of a token): App id (or client id), installation id, private key PEM.
        public var appID: String?
        public var installationID: Int64?
        public var appPrivateKey: String?
        /// Git remote per repository; `{repo}` is replaced. A local path or `file://` URL works for tests.
        public var gitURL = "https://github.com/{repo}.git"
        /// How much of each repository its mirror downloads (`github.mirror_partial`, `github.mirror_depth`).
        public var mirror = MirrorPolicy()
        /// The longest rate-limit or Retry-After wait spent in place; a longer one becomes a job retry.
        public var maxRetryWait: Duration = .seconds(60)
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
