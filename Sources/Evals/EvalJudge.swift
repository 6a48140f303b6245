import ChildProcess
import FeatureConfiguration
import Foundation
import Patching
import Synchronization

/// Decides a run's verdict from what it left behind: the PR's branch, body and labels, and the case's
/// hidden tests run on the PR branch in the sandbox.
public struct EvalJudge: Sendable {
    public var suite: EvalSuite
    public var sandbox: TestSandbox
    let references = ReferenceOutputs()

    public init(suite: EvalSuite, sandbox: TestSandbox) {
        self.suite = suite
        self.sandbox = sandbox
    }

    public func judge(_ testCase: EvalCase, _ run: EvalObservation) async throws -> EvalVerdict {
        let folder = suite.folder(of: testCase)
        let measures = try EvalMeasures(testCase: testCase, folder: folder)
        var verdict = EvalVerdict(
            judged: "", name: testCase.name, ecosystem: testCase.ecosystem, expect: testCase.expect.rawValue, state: run.state,
            reason: run.lastError, pullOpened: run.pull != nil, requirements: [:], hiddenTestsPassed: nil, seconds: run.seconds,
            tokensIn: run.tokensIn, tokensOut: run.tokensOut, costUSD: run.costUSD, extractionHit: measures.extractionHit(),
            localizedLines: nil, changedLines: nil)
        if let context = run.context, let (shown, changed) = measures.localization(context: context) {
            (verdict.localizedLines, verdict.changedLines) = (shown, changed)
        }
        guard let pull = run.pull else {
            switch testCase.expect {
            case .fix: verdict.judged = "missed"
            case .noFix, .skipped: verdict.judged = run.state == testCase.expect.rawValue ? "expected" : "unexpected"
            }
            return verdict
        }
        verdict.requirements = try requirements(testCase, pull, runID: run.runID, folder: folder)
        if testCase.expect == .fix {
            let passed = try await hiddenTests(testCase, folder: folder, pull: pull, scratch: "\(run.directory)/judge")
            verdict.hiddenTestsPassed = passed
            verdict.requirements["test_intent_preserved"] = passed && verdict.requirements["test_intent_preserved"] == true
        }
        let met = verdict.requirements.values.allSatisfy { $0 } && verdict.hiddenTestsPassed == true
        verdict.judged = testCase.expect == .fix && met ? "success" : "false_positive"
        return verdict
    }

    func requirements(_ testCase: EvalCase, _ pull: EvalObservation.Pull, runID: UInt64, folder: String) throws -> [String: Bool] {
        var checks: [String: Bool] = [:]
        checks["only_allowed_files"] = pull.changedFiles.allSatisfy(testCase.allowedFiles.contains)
        checks["explains_in_pr"] = Self.explanationWords(pull.body) >= 12
        checks["comment_at_change"] = Self.addsComment(pull.diff)
        checks["test_intent_preserved"] = !pull.changedFiles.contains(where: TestFiles.isTestPath)
        checks["draft_pr_with_label"] = pull.draft && pull.labels.contains("ci/autofix") && pull.head == "ci/autofix-\(runID)"
        if let reference = try? String(contentsOfFile: "\(folder)/fix.diff", encoding: .utf8) {
            // A minimal fix: not much larger than the reference (room for another wording, not for a payload).
            let allowed = 2 * Self.changedLineCount(reference) + 4
            checks["minimal_change"] = Self.changedLineCount(pull.diff) <= allowed
        }
        if let expected = testCase.expectedFix {
            let files = [expected.modifiesFile, expected.orModifies].compactMap { $0 }
            let modifies = files.isEmpty || files.contains(where: pull.changedFiles.contains)
            let texts = [expected.contains, expected.orContains].compactMap { $0 }
            // In the code, not in a comment that only names it.
            let code = files.compactMap { file in
                (try? String(contentsOfFile: "\(pull.checkout)/\(file)", encoding: .utf8)).map { CommentSyntax(path: file).withoutComments($0) }
            }.joined(separator: "\n")
            checks["expected_fix"] = modifies && (texts.isEmpty || texts.contains(where: code.contains))
        }
        return checks
    }

    /// The PR branch with `hidden/` copied over it, the case's test command in the sandbox, judged against
    /// the same run on the reference fix: exit 0 is not enough (code in an allowed file can end the test
    /// process early with 0, or patch the runner's verdict), so every test the reference run reports as
    /// passed must pass here too and none may fail; for output no runner summary describes, the output
    /// (durations aside) must be the reference run's.
    func hiddenTests(_ testCase: EvalCase, folder: String, pull: EvalObservation.Pull, scratch: String) async throws -> Bool {
        try Self.overlay("\(folder)/hidden", onto: pull.checkout)
        try FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)
        let run = try await sandboxRun(testCase.testCommand, tree: pull.checkout, scratch: scratch)
        guard run.result.succeeded else { return false }
        let reference = try await references.output(of: testCase) { try await referenceRun(testCase, folder: folder, scratch: scratch + "-reference") }
        return Self.matches(run.result.combinedOutput, reference: reference)
    }

    static func matches(_ output: String, reference: String) -> Bool {
        let expected = TestReport.parse(reference)
        guard expected.recognized else { return normalised(output) == normalised(reference) }
        let report = TestReport.parse(output)
        return report.recognized && report.failed == 0 && report.passed >= expected.passed && expected.passedTests.isSubset(of: report.passedTests)
    }

    /// The output of the case's tests, hidden ones included, on `repo/` with the reference fix.
    func referenceRun(_ testCase: EvalCase, folder: String, scratch: String) async throws -> String {
        let tree = scratch + "/tree"
        try? FileManager.default.removeItem(atPath: scratch)
        try FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: "\(folder)/repo", toPath: tree)
        // Outside any repository: run inside one (the eval directory under a checkout), `git apply` would
        // patch relative to that repository's root and silently skip every path of the fix.
        let apply = try await ProcessRunner().run(
            ["git", "apply", "\(folder)/fix.diff"], directory: tree,
            environment: ["PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin", "GIT_CEILING_DIRECTORIES": scratch])
        guard apply.succeeded else { throw EvalError.badSuite("\(testCase.name): fix.diff does not apply: \(apply.combinedOutput)") }
        try Self.overlay("\(folder)/hidden", onto: tree)
        let run = try await sandboxRun(testCase.testCommand, tree: tree, scratch: scratch)
        guard run.result.succeeded else {
            throw EvalError.badSuite(
                "\(testCase.name): the reference fix fails its hidden tests (exit \(run.result.status)\(run.result.timedOut ? ", timed out" : "")): \(run.result.combinedOutput.suffix(1500))"
            )
        }
        return run.result.combinedOutput
    }

    /// The command in the sandbox; run again once when it was killed without a word (exit 137, no output),
    /// which the Swift toolchain's build now and then is here, for no reason the tests are to blame for.
    func sandboxRun(_ command: String, tree: String, scratch: String) async throws -> TestSandbox.Run {
        let run = try await sandbox.run(command, tree: tree, scratch: scratch, timeout: .seconds(900))
        guard run.result.status == 137, !run.result.timedOut, run.result.combinedOutput.isEmpty else { return run }
        return try await sandbox.run(command, tree: tree, scratch: scratch, timeout: .seconds(900))
    }

    static func overlay(_ hidden: String, onto tree: String) throws {
        let manager = FileManager.default
        guard let files = manager.enumerator(atPath: hidden) else { return }
        for case let path as String in files {
            var isDirectory: ObjCBool = false
            guard manager.fileExists(atPath: "\(hidden)/\(path)", isDirectory: &isDirectory), !isDirectory.boolValue else { continue }
            let target = "\(tree)/\(path)"
            try manager.createDirectory(atPath: (target as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try? manager.removeItem(atPath: target)
            try manager.copyItem(atPath: "\(hidden)/\(path)", toPath: target)
        }
    }

    /// Output with the figures that change run to run (clock times, durations, rates) blanked.
    static func normalised(_ output: String) -> String {
        output.replacingOccurrences(of: #"\d+:\d\d:\d\d|\d+\.\d+|\d+ ?ms\b"#, with: "N", options: .regularExpression)
    }

    /// Distinct words (3 letters or more) in the PR body's quoted explanation (`### The fix` quotes the model).
    static func explanationWords(_ body: String) -> Int {
        let quoted = body.split(separator: "\n").filter { $0.hasPrefix("> ") }.joined(separator: " ").lowercased()
        return Set(quoted.split(whereSeparator: { !$0.isLetter }).filter { $0.count >= 3 }).count
    }

    /// Whether the diff adds a comment, in the comment syntax of the file each added line belongs to.
    static func addsComment(_ diff: String) -> Bool {
        var syntax = CommentSyntax(path: "")
        for line in diff.split(separator: "\n") {
            if line.hasPrefix("+++ ") {
                syntax = CommentSyntax(path: String(line.dropFirst(4)))
                continue
            }
            guard line.hasPrefix("+") else { continue }
            if syntax.hasComment(String(line.dropFirst())) { return true }
        }
        return false
    }

    /// Lines a diff adds or removes.
    static func changedLineCount(_ diff: String) -> Int {
        diff.split(separator: "\n").filter { ($0.hasPrefix("+") && !$0.hasPrefix("+++")) || ($0.hasPrefix("-") && !$0.hasPrefix("---")) }.count
    }
}

/// Reference runs' output per case, computed once per eval.
final class ReferenceOutputs: Sendable {
    private let outputs = Mutex<[String: String]>([:])

    func output(of testCase: EvalCase, _ compute: () async throws -> String) async throws -> String {
        if let known = outputs.withLock({ $0[testCase.name] }) { return known }
        let output = try await compute()
        outputs.withLock { $0[testCase.name] = output }
        return output
    }
}
