import ChildProcess
import Evals
import FeatureConfiguration
import Foundation
import Patching
import TestSupport
import Testing

@Suite("eval cases are real failures with real fixes")
struct EvalCasesTests {
    @Test func suiteLoads_withAtLeast24CasesInSixEcosystems() throws {
        let suite = try EvalSuiteLocation.load()
        #expect(suite.testCases.count >= 24)
        #expect(Set(suite.testCases.map(\.ecosystem)).count >= 6)
        #expect(suite.testCases.allSatisfy { !$0.errorLines.isEmpty }, "every case labels the lines of its log that explain it")
    }

    /// In the sandbox: the test command fails on `repo/`, and with `fix.diff` and `hidden/` it passes.
    @Test(arguments: EvalSuiteLocation.cases)
    func failsAsCommitted_passesWithTheReferenceFixAndHiddenTests(_ name: String) async throws {
        let suite = try EvalSuiteLocation.load()
        let testCase = try #require(suite.testCases.first { $0.name == name })
        let folder = suite.folder(of: testCase)
        let harness = SandboxHarness()
        let scratch = "\(harness.dir)/\(name)"
        try FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: harness.dir) }

        let failing = try await harness.sandbox().run(
            testCase.testCommand, tree: try copy("\(folder)/repo", to: "\(scratch)/repo"), scratch: scratch, timeout: .seconds(900))
        #expect(!failing.result.succeeded, "the committed repo must fail its test command")
        guard testCase.expect == .fix else { return }

        let fixed = try copy("\(folder)/repo", to: "\(scratch)/fixed")
        let apply = try await ProcessRunner().run(["git", "apply", "\(folder)/fix.diff"], directory: fixed)
        #expect(apply.succeeded, "fix.diff applies: \(apply.combinedOutput)")
        if FileManager.default.fileExists(atPath: "\(folder)/hidden") {
            let hidden = try FileManager.default.subpathsOfDirectory(atPath: "\(folder)/hidden")
            for path in hidden where !isDirectory("\(folder)/hidden/\(path)") {
                #expect(!FileManager.default.fileExists(atPath: "\(fixed)/\(path)"), "hidden/\(path) must not overwrite a visible file")
                try FileManager.default.createDirectory(atPath: ("\(fixed)/\(path)" as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
                try FileManager.default.copyItem(atPath: "\(folder)/hidden/\(path)", toPath: "\(fixed)/\(path)")
            }
        }
        let passing = try await harness.sandbox().run(testCase.testCommand, tree: fixed, scratch: scratch, timeout: .seconds(900))
        #expect(passing.result.succeeded, "with the reference fix and the hidden tests: \(passing.result.combinedOutput.suffix(1500))")
    }

    private func copy(_ source: String, to target: String) throws -> String {
        try FileManager.default.copyItem(atPath: source, toPath: target)
        return target
    }

    private func isDirectory(_ path: String) -> Bool {
        var directory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &directory) && directory.boolValue
    }
}
