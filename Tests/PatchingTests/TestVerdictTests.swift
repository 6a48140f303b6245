import Patching
import Testing

/// Weakening judged by outcome: whatever the patch's text, the tests must say the failure is fixed.
@Suite struct TestVerdictTests {
    static let before =
        "F.                                                                       [100%]\nFAILED tests/test_calc.py::test_add - assert -1 == 5\n1 failed, 1 passed in 0.03s"
    static let verdict = TestVerdict(failedInCI: ["tests/test_calc.py::test_add"], blamesCodeUnderTest: true)

    func judge(_ after: String, changed: [String] = ["app/calc.py"], verdict: TestVerdict = verdict, before: String = before) throws -> String {
        try verdict.judge(before: TestReport.parse(before), after: TestReport.parse(after), changedFiles: changed)
    }

    @Test(arguments: [
        ("skipped", "1 passed, 1 skipped in 0.02s"),
        ("xfail", "1 passed, 1 xfailed in 0.02s"),
        ("deselected", "1 passed, 1 deselected in 0.02s"),
        ("removed", "1 passed in 0.02s"),
        ("not run, verbose", "tests/test_calc.py::test_double PASSED\n========= 2 passed in 0.02s ========="),
    ])
    func weakenedByOutcome_isRefused(form: String, after: String) {
        #expect(throws: PatchError.self, "\(form)") { try judge(after) }
    }

    @Test func unittestExpectedFailure_isRefusedByOutcome() {
        let before = "F.\n======\nFAIL: test_add (tests.test_calc.CalcTest.test_add)\n----\nRan 2 tests in 0.001s\n\nFAILED (failures=1)"
        let after = "x.\n----\nRan 2 tests in 0.001s\n\nOK (expected failures=1)"
        let verdict = TestVerdict(failedInCI: ["test_add (tests.test_calc.CalcTest.test_add)"], blamesCodeUnderTest: true)
        #expect(throws: PatchError.self) { try judge(after, verdict: verdict, before: before) }
    }

    @Test func testOnlyPatch_whenTheFailureBlamesTheCode_isRefused() {
        // Early return or a changed expected value: the test passes, but only because the test changed.
        #expect(throws: PatchError.self) { try judge("2 passed in 0.02s", changed: ["tests/test_calc.py"]) }
    }

    @Test func realFix_passesWithTheCountsOnTheEvidence() throws {
        let line = try judge("2 passed in 0.02s")
        #expect(line.contains("after it 2 passed, 0 failed, 0 not run"), "\(line)")
        let verbose = try judge("tests/test_calc.py::test_add PASSED\ntests/test_calc.py::test_double PASSED\n===== 2 passed in 0.01s =====")
        #expect(verbose.contains("test_add"))
    }

    @Test(arguments: [
        ("2 passed, 1 skipped in 0.1s", 2, 0, 1), ("=== 1 failed, 3 passed, 2 deselected, 1 xfailed in 1.2s ===", 3, 1, 3),
        ("Tests:       1 failed, 1 skipped, 3 passed, 5 total", 3, 1, 1), ("5 examples, 1 failure, 2 pending", 2, 1, 2),
        ("Tests run: 5, Failures: 1, Errors: 1, Skipped: 1", 2, 2, 1), ("test result: ok. 3 passed; 0 failed; 2 ignored; 0 measured; 0 filtered out", 3, 0, 2),
        ("Ran 4 tests in 0.01s\n\nOK (skipped=1)", 3, 0, 1), ("--- PASS: TestA (0.00s)\n--- FAIL: TestB (0.00s)\n--- SKIP: TestC (0.00s)", 1, 1, 1),
    ])
    func summaries_ofTheCommonRunners_areRead(output: String, passed: Int, failed: Int, notRun: Int) {
        let report = TestReport.parse(output)
        #expect(report.recognized && report.passed == passed && report.failed == failed && report.notRun == notRun, "\(report)")
    }

    @Test func unknownRunnerOutput_isJudgedByExitStatusAndSaysSo() throws {
        let line = try judge("all good", before: "something broke")
        #expect(line.contains("could not be read"))
    }

    @Test func report_readsXCTestAndSwiftTesting_asOnePackageRunsThem() {
        let output = """
            Test Case 'PaginatorTests.testFirstPage' started at 2026-12-01 20:45:01.123
            Test Case 'PaginatorTests.testFirstPage' passed (0.001 seconds)
            Test Case 'PaginatorTests.testLastPage' started at 2026-12-01 20:45:01.124
            /w/Tests/PagingTests/PaginatorTests.swift:16: error: PaginatorTests.testLastPage : XCTAssertEqual failed
            Test Case 'PaginatorTests.testLastPage' failed (0.001 seconds)
            Test Suite 'PaginatorTests' failed at 2026-12-01 20:45:01.125
            \t Executed 2 tests, with 1 failure (0 unexpected) in 0.002 (0.002) seconds
            Test Suite 'All tests' failed at 2026-12-01 20:45:01.125
            \t Executed 2 tests, with 1 failure (0 unexpected) in 0.002 (0.002) seconds
            ◇ Test run started.
            ✔ Test run with 0 tests in 0 suites passed after 0.001 seconds.
            """
        let report = TestReport.parse(output)
        #expect(report.recognized && report.passed == 1 && report.failed == 1)
        #expect(report.passedTests == ["PaginatorTests.testFirstPage"] && report.failedTests == ["PaginatorTests.testLastPage"])
        let swiftTesting = TestReport.parse("✔ Test run with 4 tests in 2 suites passed after 0.010 seconds.")
        #expect(swiftTesting.recognized && swiftTesting.passed == 4 && swiftTesting.failed == 0)
    }
}

/// What a runner's report names as failed.
struct TestReportNamesTests {
    @Test func unittestsStandInForAModuleThatCouldNotBeImported_namesNoTest() {
        let report = TestReport.parse(
            "ERROR: tests.test_rates (unittest.loader._FailedTest.tests.test_rates)\nFAIL: test_add (tests.test_calc.CalcTest)\n")
        #expect(report.failedTests == ["test_add (tests.test_calc.CalcTest)"])
    }
}
