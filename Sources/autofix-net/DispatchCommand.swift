import App
import ArgumentParser
import AutofixCLI
import Foundation
import GitHub
import Intake

/// `autofix dispatch`: sends a `repository_dispatch` event to GitHub (the seed's `dispatchWorkflow`).
struct DispatchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dispatch",
        abstract: "Send a repository_dispatch event to GitHub, for teams that keep a workflow as the trigger.",
        discussion: "The token comes from $AUTOFIX_GITHUB_TOKEN, github.token in the config file, or the github-token credential.")

    @OptionGroup var global: GlobalOptions
    @Option(help: "Repository as OWNER/NAME.") var repo: String
    @Option(name: .customLong("event-type"), help: "The event type the workflow listens for (1 to 100 characters).") var eventType: String
    @Option(help: "client_payload as a JSON object (at most 10 top-level properties).") var payload: String = "{}"

    func run() async throws {
        do {
            try EnqueueRequest(repo: repo, runID: "1").checkRepositoryOnly()
        }
        guard (1...100).contains(eventType.count) else { throw UsageError(message: "--event-type must be 1 to 100 characters") }
        guard let object = (try? JSONSerialization.jsonObject(with: Data(payload.utf8))) as? [String: Any] else {
            throw UsageError(message: "--payload must be a JSON object")
        }
        guard object.count <= 10 else { throw UsageError(message: "--payload may have at most 10 top-level properties (GitHub's limit)") }
        let app = try global.makeApp()
        guard let token = app.configuration.github.token, !token.isEmpty else {
            throw UsageError(message: "no GitHub token: set AUTOFIX_GITHUB_TOKEN, github.token, or the github-token credential")
        }
        let client = GitHubClient(baseURL: app.configuration.github.apiURL, token: token)
        do {
            try await client.createDispatchEvent(repo: repo, eventType: eventType, clientPayload: object)
        } catch let error as GitHubError {
            throw DispatchFailure(message: error.description)
        }
        printLine("dispatched \(eventType) to \(repo)")
    }
}

/// GitHub refused or could not be reached.
struct DispatchFailure: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}
