import App
import FeatureConfiguration
import Foundation
import Patching

/// `autofix eval`: every selected case, `runs` times, through the real pipeline, judged.
public struct Evaluation: Sendable {
    public var suite: EvalSuite
    public var model: EvalModel
    public var runs: Int
    public var directory: String
    public var userConfiguration: AutofixConfiguration?
    public var logLevel = "error"
    /// Told about each verdict as it is reached (progress for the console).
    public var progress: @Sendable (EvalVerdict) -> Void = { _ in }

    public init(suite: EvalSuite, model: EvalModel, runs: Int, directory: String, userConfiguration: AutofixConfiguration? = nil) {
        self.suite = suite
        self.model = model
        self.runs = runs
        self.directory = directory
        self.userConfiguration = userConfiguration
    }

    /// One run's case, the model's reply (nil: the configured model answers) and the name it is reported under.
    public struct Trial: Sendable {
        public var testCase: EvalCase
        public var reply: String?
        public var label: String
    }

    /// What to run: the cases named (all when none); with scripted replies, one trial per reply.
    public func trials(named names: [String]) throws -> [Trial] {
        let selected = try suite.selecting(names)
        switch model {
        case .oracle:
            return try selected.map { Trial(testCase: $0, reply: try $0.oracleReply(folder: suite.folder(of: $0)), label: $0.name) }
        case .configured:
            return selected.map { Trial(testCase: $0, reply: nil, label: $0.name) }
        case .scripted(let path):
            return try ScriptedReplies.load(path).replies.compactMap { entry in
                guard let testCase = selected.first(where: { $0.name == entry.case }) else {
                    if names.isEmpty { throw EvalError.badReplies("a reply answers \(entry.case), which is not a case of the suite") }
                    return nil
                }
                return Trial(testCase: testCase, reply: entry.reply, label: entry.label ?? entry.case)
            }
        }
    }

    public func run(_ trials: [Trial]) async throws -> EvalReport {
        var runner = EvalRunner(suite: suite, userConfiguration: userConfiguration, directory: directory)
        runner.logLevel = logLevel
        var sandboxConfiguration = SandboxConfiguration()
        sandboxConfiguration.toolchainPaths = SandboxConfiguration.toolchainPaths(environment: ProcessInfo.processInfo.environment)
        let judge = EvalJudge(suite: suite, sandbox: TestSandbox(configuration: sandboxConfiguration))
        var passes: [[EvalVerdict]] = []
        for attempt in 1...max(1, runs) {
            var verdicts: [EvalVerdict] = []
            for (index, trial) in trials.enumerated() {
                let observation = try await runner.run(trial.testCase, attempt: attempt, slot: index, reply: trial.reply)
                var verdict = try await judge.judge(trial.testCase, observation)
                verdict.name = trial.label
                progress(verdict)
                verdicts.append(verdict)
            }
            passes.append(verdicts)
        }
        return EvalReport(model: model.label, passes: passes)
    }
}
