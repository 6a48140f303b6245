import App
import ArgumentParser
import AutofixCLI
import Foundation
import Queue

/// `autofix outcomes`: what became of each autofix pull request, and the success rates.
struct OutcomesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "outcomes", abstract: "What became of each autofix pull request (CI on the fix branch, merged or closed), with the rates.")

    @OptionGroup var global: GlobalOptions
    @Option(help: "Only this repository (owner/name).") var repo: String?
    @Option(help: "Only pull requests opened within this long, e.g. 7d, 12h.") var since: String?
    @Option(help: "At most this many, newest first.") var limit = 500
    @Flag(help: "Print JSON.") var json = false

    func run() async throws {
        var filter = FixOutcomeFilter(repo: repo, limit: limit)
        if let since {
            guard let window = DurationText.parse(since) else {
                throw UsageError(message: "invalid --since \"\(since)\": expected a duration like 7d or 12h")
            }
            filter.openedSince = Date().addingTimeInterval(-window.seconds)
        }
        guard (1...100_000).contains(limit) else { throw UsageError(message: "--limit must be between 1 and 100000") }
        let app = try global.makeApp()
        let outcomes = try await global.withExistingStore(app) { try await $0.fixOutcomes(filter) }
        printLine(json ? OutcomePresenter.json(outcomes) : OutcomePresenter.text(outcomes))
    }
}
