/// Whether a patch fixed the failure or only made the tests stop saying so, judged by outcomes:
/// the suite before the patch and after it, both in the sandbox, and the tests that failed in CI.
public struct TestVerdict: Sendable {
    /// Tests CI reported as failed (names as the runner prints them).
    public var failedInCI: Set<String>
    /// The failure analysis points at code under test (a frame in non-test source, or an assertion that
    /// compared the code's result): then a patch that only edits tests moves the goalposts.
    public var blamesCodeUnderTest: Bool

    public init(failedInCI: Set<String>, blamesCodeUnderTest: Bool) {
        self.failedInCI = failedInCI
        self.blamesCodeUnderTest = blamesCodeUnderTest
    }

    /// Throws a `tests` refusal when the patch weakened the tests; returns a line for the evidence.
    public func judge(before: TestReport, after: TestReport, changedFiles: [String]) throws -> String {
        if blamesCodeUnderTest, !changedFiles.isEmpty, changedFiles.allSatisfy(TestFiles.isTestPath) {
            throw refusal("the patch changes only tests, but the failure is in the code under test")
        }
        // A runner that reported before the patch and is silent after it was silenced (an `os._exit(0)` in
        // the code under test, a plugin that swallows the report): that is not a pass.
        if before.recognized, !after.recognized {
            throw refusal("the test runner reported its results before the patch but not after it")
        }
        guard before.recognized, after.recognized else {
            return "test outcomes could not be read from the runner's output; judged by its exit status"
        }
        if after.failed > 0 { throw PatchError.testsFailed("\(after.failed) tests still fail") }
        if after.ran < before.ran {
            throw refusal("fewer tests ran after the patch (\(after.ran)) than before it (\(before.ran))")
        }
        if after.notRun > before.notRun {
            throw refusal("more tests were skipped, deselected or expected to fail after the patch (\(after.notRun)) than before it (\(before.notRun))")
        }
        for test in failedInCI.sorted() {
            if after.failedTests.contains(where: { Self.same($0, test) }) {
                throw refusal("\(test), which failed in CI, still fails")
            }
            if !after.passedTests.isEmpty, !after.passedTests.contains(where: { Self.same($0, test) }) {
                throw refusal("\(test), which failed in CI, did not run and pass after the patch")
            }
        }
        let listed = failedInCI.sorted().prefix(5).joined(separator: ", ")
        let named =
            failedInCI.isEmpty
            ? ""
            : after.passedTests.isEmpty
                ? "; the runner does not list passing tests by name, so CI's failing tests (\(listed)) are judged by the counts"
                : "; the tests that failed in CI (\(listed)) are listed as passed"
        return
            "before the patch \(before.passed) passed, \(before.failed) failed, \(before.notRun) not run; after it \(after.passed) passed, \(after.failed) failed, \(after.notRun) not run\(named)"
    }

    /// Runners print the same test with or without its file or class (`tests/t.py::test_a`, `test_a`).
    static func same(_ a: String, _ b: String) -> Bool {
        a == b || a.hasSuffix("::" + b) || b.hasSuffix("::" + a) || a.hasPrefix(b + " (") || b.hasPrefix(a + " (")
    }

    func refusal(_ detail: String) -> PatchError {
        .refused(rule: "tests", detail: detail)
    }

    /// Whether the failure points at code under test: a location in a non-test file, or an assertion about a value.
    public static func blamesCode(locations: [String], messages: [String]) -> Bool {
        if locations.contains(where: { !TestFiles.isTestPath($0) }) { return true }
        let comparisons = [
            "AssertionError", "assert ", "assertEqual", "Expected", "expected", "toBe(", "toEqual(", " != ", " == ", "XCTAssert", "not equal", "mismatch",
        ]
        return messages.contains { message in comparisons.contains { message.contains($0) } }
    }
}
