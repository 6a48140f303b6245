import App
import FeatureConfiguration
import Foundation
import GitHub
import Intake
import LLM
import LogAnalysis
import Outcomes
import Pipeline
import Queue

extension AutofixApp {
    /// The job kinds of a worker: the diagnostic ones and, once GitHub credentials are configured, the `autofix` pipeline.
    /// Without credentials `autofix` jobs stay queued (a misconfigured worker must not burn them) and `warning` says why.
    public func makeNetworkedRegistry(warning: (String) -> Void = { _ in }) throws -> JobRegistry {
        var registry = makeRegistry()
        let github = configuration.github
        guard github.appID != nil || !(github.token ?? "").isEmpty else {
            warning("no GitHub token or App configured (github.token, AUTOFIX_GITHUB_TOKEN or the github-token credential): autofix jobs stay queued")
            return registry
        }
        registry.register(CIFailure.jobKind, try makePipeline())
        let client = try makeGitHubClient()
        var outcomes = FixOutcomeHandler(configuration: configuration.outcomes, github: client, botLogin: configuration.pipeline.botName)
        outcomes.followUpMaxAttempts = configuration.maxAttempts
        registry.register(FixOutcomeCheck.jobKind, outcomes)
        registry.register(FixOutcomePoller.jobKind, FixOutcomePoller(configuration: configuration.outcomes, github: client))
        return registry
    }

    /// The jobs the worker enqueues itself: the outcome poll, when `outcomes.poll_interval` is set and the
    /// registry runs it.
    public func periodicJobs(for registry: JobRegistry) -> [PeriodicJob] {
        guard configuration.outcomes.pollInterval > .zero, registry.handler(for: FixOutcomePoller.jobKind) != nil else { return [] }
        return [PeriodicJob(kind: FixOutcomePoller.jobKind, interval: configuration.outcomes.pollInterval)]
    }

    public func makePipeline() throws -> AutofixPipeline {
        if configuration.llm.provider == .azure, configuration.llm.baseURL == nil {
            throw ConfigurationError.invalidValue(
                key: "llm.base_url", value: "", expected: "https://NAME.openai.azure.com/openai/deployments/DEPLOYMENT (Azure has no default endpoint)",
                source: "the configuration")
        }
        var pipeline = configuration.pipeline
        pipeline.sandbox.toolchainPaths += toolchainPaths
        pipeline.contextBudget = Int(Double(pipeline.contextTokens) * configuration.llm.provider.charactersPerToken)
        var built = AutofixPipeline(
            configuration: pipeline, github: try makeGitHubClient(), llm: LLMProviders.make(configuration.llm),
            workspace: GitWorkspace(root: workDirectory, remoteTemplate: configuration.github.gitURL, mirror: configuration.github.mirror),
            prompt: try prompt(configuration.pipeline.promptVersion),
            checkpointKey: try CheckpointKey.loadOrCreate(at: checkpointKeyPath),
            redactor: SecretRedactor(knownSecrets: knownSecrets))
        built.llmMaxTokens = configuration.llm.maxTokens
        if configuration.pipeline.localization == .model { built.localizePrompt = try prompt("localize.v1") }
        return built
    }

    /// Beside the database, in the state directory: never in the database, never in a sandbox.
    public var checkpointKeyPath: String {
        URL(fileURLWithPath: configuration.database).deletingLastPathComponent().appendingPathComponent("checkpoint.key").path
    }

    /// Every secret this worker holds; each becomes a redaction needle in every encoding.
    public var knownSecrets: [String] {
        var secrets = [configuration.github.token, configuration.llm.apiKey, configuration.http.webhookSecret, databasePassword].compactMap { $0 }
        secrets += configuration.http.apiKeys.map { String($0.split(separator: ":").first ?? "") } + configuration.http.operatorKeys
        if let key = configuration.github.appPrivateKey {
            // A private key leaks line by line as often as whole.
            secrets += key.split(whereSeparator: \.isNewline).map(String.init).filter { !$0.hasPrefix("-----") }
        }
        return secrets.filter { $0.count >= 8 }
    }

    /// Toolchains the operator's environment names, mounted read-only in the sandbox.
    public var toolchainPaths: [String] { SandboxConfiguration.toolchainPaths(environment: environment) }

    public func makeGitHubClient() throws -> GitHubClient {
        let github = configuration.github
        if let appID = github.appID {
            guard let key = github.appPrivateKey else {
                throw ConfigurationError.invalidValue(
                    key: "github.app_id", value: appID,
                    expected: "github.app_private_key as well (github.installation_id is optional: without it each repository's installation is looked up)",
                    source: "the configuration")
            }
            let source = GitHubAppTokenSource(jwt: try GitHubAppJWT(appID: appID, privateKeyPEM: key), installationID: github.installationID)
            return GitHubClient(baseURL: github.apiURL, credentials: .app(source), maxRetryWait: github.maxRetryWait)
        }
        guard let token = github.token, !token.isEmpty else {
            throw ConfigurationError.invalidValue(
                key: "github.token", value: "", expected: "a GitHub token (AUTOFIX_GITHUB_TOKEN or the github-token credential) or GitHub App settings",
                source: "the configuration")
        }
        return GitHubClient(baseURL: github.apiURL, credentials: .token(token), maxRetryWait: github.maxRetryWait)
    }

    func prompt(_ version: String) throws -> PromptTemplate {
        guard let text = EmbeddedPrompts.all[version] else { throw PipelineError.missingPrompt(version) }
        return try PromptTemplate(version: version, text: text)
    }
}
