/// How `autofix serve` listens and whom it lets in.
public struct IntakeHTTPConfiguration: Sendable {
    public var host: String = "127.0.0.1"
    public var port: Int = 8080
    /// Keys for `POST /v1/dispatch`, `POST /v1/jobs` and reading jobs (`x-api-key` or `Authorization: Bearer`).
    public var apiKeys: [String] = []
    /// Keys that may also retry and cancel jobs.
    public var operatorKeys: [String] = []
    /// GitHub webhook secret for `X-Hub-Signature-256`.
    public var webhookSecret: String?
    public var maxBodyBytes: Int = 256 * 1024
    /// A connection with no complete request for this long is closed (slow or idle clients).
    public var idleTimeout: Duration = .seconds(30)
    /// Autofix branches and the bot's login, to tell deliveries about the bot's own pull requests
    /// (set from the pipeline's `branch_prefix` and `bot_name` by the composition root).
    public var fixBranchPrefix = "ci/autofix-"
    public var botLogin = "ci-autofix[bot]"

    public init() {}
}
