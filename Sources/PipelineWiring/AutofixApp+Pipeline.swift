import App
import Foundation
import GitHub
import Intake
import LLM
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
        return registry
    }

    public func makePipeline() throws -> AutofixPipeline {
        AutofixPipeline(
            configuration: configuration.pipeline, github: try makeGitHubClient(), llm: LLMProviders.make(configuration.llm),
            workspace: GitWorkspace(root: workDirectory, remoteTemplate: configuration.github.gitURL),
            prompt: try prompt(configuration.pipeline.promptVersion))
    }

    public func makeGitHubClient() throws -> GitHubClient {
        let github = configuration.github
        if let appID = github.appID {
            guard let key = github.appPrivateKey, let installation = github.installationID else {
                throw ConfigurationError.invalidValue(
                    key: "github.app_id", value: appID, expected: "github.installation_id and github.app_private_key as well",
                    source: "the configuration")
            }
            let source = GitHubAppTokenSource(jwt: try GitHubAppJWT(appID: appID, privateKeyPEM: key), installationID: installation)
            return GitHubClient(baseURL: github.apiURL, credentials: .app(source))
        }
        guard let token = github.token, !token.isEmpty else {
            throw ConfigurationError.invalidValue(
                key: "github.token", value: "", expected: "a GitHub token (AUTOFIX_GITHUB_TOKEN or the github-token credential) or GitHub App settings",
                source: "the configuration")
        }
        return GitHubClient(baseURL: github.apiURL, credentials: .token(token))
    }

    func prompt(_ version: String) throws -> PromptTemplate {
        guard let text = EmbeddedPrompts.all[version] else { throw PipelineError.missingPrompt(version) }
        return try PromptTemplate(version: version, text: text)
    }
}
