import App
import ArgumentParser
import AutofixCLI
import AutofixMetrics
import Foundation

/// `autofix metrics`: Prometheus text computed from the database.
struct MetricsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "metrics",
        abstract: "Print Prometheus metrics computed from the database (for node_exporter's textfile collector).",
        discussion: "With --output, the file is written atomically (temporary file, then rename), as the textfile collector requires.")

    @OptionGroup var global: GlobalOptions
    @Option(help: "Write to this file atomically instead of stdout.") var output: String?

    func run() async throws {
        let app = try global.makeApp()
        let text = DatabaseMetricsExporter.render(try await global.withExistingStore(app) { try await $0.metricsSnapshot() })
        guard let output else {
            FileHandle.standardOutput.write(Data(text.utf8))
            return
        }
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: output), options: .atomic)
        } catch {
            throw UsageError(message: "cannot write \(output): \((error as NSError).localizedDescription)")
        }
    }
}
