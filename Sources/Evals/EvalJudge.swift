import FeatureConfiguration
import Foundation
import Patching

/// Decides a run's verdict from what it left behind: the PR's branch, body and labels, and the case's
/// hidden tests run on the PR branch in the sandbox.
public struct EvalJudge: Sendable {
    public var suite: EvalSuite
    public var sandbox: TestSandbox

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
        verdict.requirements = try requirements(testCase, pull, runID: run.runID)
        if testCase.expect == .fix {
            let passed = try await hiddenTests(testCase, folder: folder, pull: pull, scratch: "\(run.directory)/judge")
            verdict.hiddenTestsPassed = passed
            verdict.requirements["test_intent_preserved"] = passed && verdict.requirements["test_intent_preserved"] == true
        }
        let met = verdict.requirements.values.allSatisfy { $0 } && verdict.hiddenTestsPassed == true
        verdict.judged = testCase.expect == .fix && met ? "success" : "false_positive"
        return verdict
    }

    func requirements(_ testCase: EvalCase, _ pull: EvalObservation.Pull, runID: UInt64) throws -> [String: Bool] {
        var checks: [String: Bool] = [:]
        checks["only_allowed_files"] = pull.changedFiles.allSatisfy(testCase.allowedFiles.contains)
        checks["explains_in_pr"] = Self.explanationLength(pull.body) >= 60
        checks["comment_at_change"] = Self.addsComment(pull.diff)
        checks["test_intent_preserved"] = !pull.changedFiles.contains(where: TestFiles.isTestPath)
        checks["draft_pr_with_label"] = pull.draft && pull.labels.contains("ci/autofix") && pull.head == "ci/autofix-\(runID)"
        if let expected = testCase.expectedFix {
            let files = [expected.modifiesFile, expected.orModifies].compactMap { $0 }
            let modifies = files.isEmpty || files.contains(where: pull.changedFiles.contains)
            let texts = [expected.contains, expected.orContains].compactMap { $0 }
            let contents = files.compactMap { try? String(contentsOfFile: "\(pull.checkout)/\($0)", encoding: .utf8) }.joined(separator: "\n")
            checks["expected_fix"] = modifies && (texts.isEmpty || texts.contains(where: contents.contains))
        }
        return checks
    }

    /// The PR branch with `hidden/` copied over it, the case's test command in the sandbox: exit 0 or not.
    func hiddenTests(_ testCase: EvalCase, folder: String, pull: EvalObservation.Pull, scratch: String) async throws -> Bool {
        let hidden = "\(folder)/hidden"
        let manager = FileManager.default
        if let files = manager.enumerator(atPath: hidden) {
            for case let path as String in files {
                var isDirectory: ObjCBool = false
                guard manager.fileExists(atPath: "\(hidden)/\(path)", isDirectory: &isDirectory), !isDirectory.boolValue else { continue }
                let target = "\(pull.checkout)/\(path)"
                try manager.createDirectory(atPath: (target as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
                try? manager.removeItem(atPath: target)
                try manager.copyItem(atPath: "\(hidden)/\(path)", toPath: target)
            }
        }
        try manager.createDirectory(atPath: scratch, withIntermediateDirectories: true)
        let run = try await sandbox.run(testCase.testCommand, tree: pull.checkout, scratch: scratch, timeout: .seconds(900))
        return run.result.succeeded
    }

    /// Letters in the PR body's quoted explanation (`### The fix` quotes the model's words).
    static func explanationLength(_ body: String) -> Int {
        body.split(separator: "\n").filter { $0.hasPrefix("> ") }.reduce(0) { $0 + $1.filter(\.isLetter).count }
    }

    /// A line that is only a comment (not code with a comment after it).
    static func isWholeLineComment(_ line: String) -> Bool {
        let text = line.trimmingCharacters(in: .whitespaces)
        return ["#", "//", "/*", "* ", "--", ";", "<!--"].contains(where: text.hasPrefix)
    }

    /// Whether an added line is (or ends with) a comment, in the common comment syntaxes.
    static func addsComment(_ diff: String) -> Bool {
        diff.split(separator: "\n").contains { line in
            guard line.hasPrefix("+"), !line.hasPrefix("+++") else { return false }
            let text = line.dropFirst().trimmingCharacters(in: .whitespaces)
            let starts = ["#", "//", "/*", "* ", "--", ";", "<!--"]
            return starts.contains(where: text.hasPrefix) || text.contains(" // ") || text.contains(" # ") || text.contains("/*")
        }
    }
}
