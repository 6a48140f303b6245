import App
import ArgumentParser
import AutofixCLI
import Foundation

/// `autofix prune --older-than 30d`: deletes finished jobs past the retention.
struct PruneCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "prune", abstract: "Delete finished jobs (with their runs and checkpoints) that finished before the retention.")

    @OptionGroup var global: GlobalOptions
    @Option(name: .customLong("older-than"), help: "Retention, e.g. 30d, 12h.") var olderThan: String

    func run() async throws {
        guard let retention = DurationText.parse(olderThan) else {
            throw UsageError(message: "invalid --older-than \"\(olderThan)\": expected a duration like 30d or 12h")
        }
        let app = try global.makeApp()
        let deleted = try await global.withExistingStore(app) { try await $0.prune(finishedBefore: Date().addingTimeInterval(-retention.seconds)) }
        printLine("pruned \(deleted) finished jobs")
    }
}
