import App
import ArgumentParser
import AutofixCLI
import Queue

/// `autofix stats`: counts by state, oldest queued age, 24-hour success rate.
struct StatsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats", abstract: "Counts by state, oldest queued age, success rate over 24 hours.")

    @OptionGroup var global: GlobalOptions
    @Flag(help: "Print JSON.") var json = false

    func run() async throws {
        let app = try global.makeApp()
        let stats = try await global.withExistingStore(app) { try await $0.stats(window: .seconds(86_400)) }
        printLine(json ? JobJSON.text(JobPresenter.statsObject(stats)) : JobPresenter.stats(stats))
    }
}
