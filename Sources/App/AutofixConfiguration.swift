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

    public var llm = LLMSettings()
    public var pipeline = PipelineSettings()

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
    }

    /// The model the pipeline asks (plain values; the LLM module builds its clients from them).
    public struct LLMSettings: Sendable {
        /// `openai` (also Ollama, vLLM, llama.cpp), `azure` or `anthropic`.
        public var provider = "openai"
        public var baseURL: URL?
        public var model = "gpt-4o-mini"
        public var apiKey: String?
        public var timeout: Duration = .seconds(120)
        public var maxAttempts = 4
        public var maxTokens = 4096
        /// `model=in/out` USD per million tokens, comma separated.
        public var prices = "gpt-4o-mini=0.15/0.6,gpt-4o=2.5/10,gpt-4.1=2/8,claude-sonnet-4=3/15,claude-3-5-haiku=0.8/4"
    }

    /// The pipeline's policy and limits.
    public struct PipelineSettings: Sendable {
        public var onlyTestFailures = true
        public var maxOpenPulls = 3
        public var correctionRounds = 2
        public var maxChangedLines = 100
        public var testCommand: String?
        public var repositoryTestCommands: [String: String] = [:]
        public var testTimeout: Duration = .seconds(600)
        public var botName = "ci-autofix[bot]"
        public var botEmail = "ci-autofix@users.noreply.github.com"
        /// Mirrors and worktrees; default `git/` beside the database.
        public var workDirectory: String?
        public var maxLogBytes = 8 << 20
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
