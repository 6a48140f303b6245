import App
import ArgumentParser
import AutofixCLI
import Evals
import Foundation

/// `autofix eval`: fix quality on `evals/`, through the real pipeline with the emulated GitHub.
struct EvalCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Run the eval cases (evals/ci_autofix.yaml) through the real pipeline and judge the fixes.",
        discussion: """
            --model oracle answers each case's reference fix (it checks the pipeline around the model); \
            scripted:FILE answers from a file of replies; config uses the configured provider (AUTOFIX_LLM_* or --config). \
            --store keeps the verdicts in the configured database (--database) for the dashboards (v_eval_summary).
            """)

    @Argument(help: "The eval file.") var file = "evals/ci_autofix.yaml"
    @Option(name: .customLong("only"), parsing: .upToNextOption, help: "Run only these cases.") var only: [String] = []
    @Option(help: "Runs per case.") var runs = 1
    @Option(help: "oracle, scripted:FILE or config.") var model = "oracle"
    @Flag(help: "Print the report as JSON.") var json = false
    @Option(help: "An earlier --json report to compare with, case by case.") var baseline: String?
    @Option(help: "Working directory (replaced).") var dir = "./var/eval"
    @Option(help: "The worker's log level while cases run.") var logLevel = "error"
    @Flag(help: "Keep the verdicts in the configured database (eval_results, v_eval_summary) for the dashboards.") var store = false
    @OptionGroup var global: GlobalOptions

    func run() async throws {
        guard (1...20).contains(runs) else { throw UsageError(message: "--runs must be from 1 to 20") }
        let chosen = try Self.input { try EvalModel(argument: model) }
        let suite = try Self.input { try EvalSuite.load(file) }
        let previous = try Self.input { try baseline.map(EvalReport.load) }
        let root = URL(fileURLWithPath: dir).standardizedFileURL.path
        var evaluation = Evaluation(suite: suite, model: chosen, runs: runs, directory: root)
        // The `config` model's provider and `--store`'s database come from the operator's configuration.
        if chosen == .configured { evaluation.userConfiguration = try global.makeApp().configuration }
        evaluation.logLevel = logLevel
        let quiet = json
        evaluation.progress = { verdict in
            if !quiet { FileHandle.standardError.write(Data("\(verdict.name): \(verdict.judged) (\(verdict.state))\n".utf8)) }
        }
        let trials = try Self.input { try evaluation.trials(named: only) }
        guard !trials.isEmpty else { throw UsageError(message: "no case to run") }
        // Only once the input is known good: a mistyped option must not wipe an earlier run's directory.
        try? FileManager.default.removeItem(atPath: root)
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        let report = try await evaluation.run(trials)
        printLine(json ? try report.json() : report.text(baseline: previous))
        if store {
            let app = try global.makeApp()
            let records = report.records(evalID: UUID().uuidString.lowercased(), at: Date())
            try await app.withStore(.intake) { try await $0.recordEvalResults(records) }
            FileHandle.standardError.write(Data("stored \(records.count) verdicts in \(app.databaseDisplayName)\n".utf8))
        }
    }

    /// A suite, reply file or baseline that cannot be used is bad input (exit 2), not a failure of the run.
    static func input<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as EvalError {
            throw UsageError(message: error.description)
        }
    }
}
