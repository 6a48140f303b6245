import LogAnalysis
import Testing

/// Where a block starts and ends: the shapes of failure output beyond a single matching line.
@Suite struct BlockShapeTests {
    func blocks(_ lines: [String], top: Int = 3) -> [ErrorBlock] {
        let text = lines.joined(separator: "\n")
        let extractor = StreamingExtractor()
        return extractor.blocks(extractor.scan(Array(text.utf8)), top: top)
    }

    @Test func scriptTail_whenYarnEpilogueFollows_isTheScriptsLastOutput() {
        let log = [
            "$ size-limit", "", "  Package size limit has exceeded by 934 B", "  Package size: 103.91 KB", "  Size limit:   103 KB", "",
            "error Command failed with exit code 3.", "info Visit https://yarnpkg.com/en/docs/cli/run for documentation about this command.",
        ]
        let found = blocks(log)
        #expect(found.first?.lines == 3...5, "\(found)")
        #expect(!found.contains { $0.lines.contains(7) }, "the epilogue itself is not a cause: \(found)")
    }

    @Test func bareVerdict_isHeadedByTheLineAboveAndRunsOverItsParagraph() {
        let log = [
            "$ ant test", "Testcase: parsesDates took 0.002 sec", "Testcase: parsesTimes took 0.004 sec", "\tFAILED",
            "expected:<12:00> but was:<00:00>", "junit.framework.AssertionFailedError: expected:<12:00> but was:<00:00>",
            "\tat org.clock.ParserTest.parsesTimes(ParserTest.java:20)", "", "Total time: 2 seconds",
        ]
        let found = blocks(log)
        #expect(found.first?.lines == 3...7, "\(found)")
    }

    @Test func scriptTail_skipsNestedRunnersEpilogues() {
        let log = [
            "> fusv scss/", "✖ Variable $bd-warning is not being used!", "npm ERR! code ELIFECYCLE", "npm ERR! errno 1",
            "npm ERR! bootstrap@4.3.1 css-lint-vars: `fusv scss/`", "ERROR: \"css-lint-vars\" exited with 1.",
            "npm ERR! code ELIFECYCLE", "npm ERR! bootstrap@4.3.1 lint: `npm-run-all css-lint-*`", "npm ERR! Test failed.  See above for more details.",
        ]
        let found = blocks(log)
        #expect(found.first?.lines == 2...2, "\(found)")
    }

    @Test func sanitizerReport_isOneBlockUpToAborting() {
        var log = [
            "==16563==ERROR: AddressSanitizer: SEGV on unknown address 0x000001d548d0 (pc 0x455084 T0)",
            "==16563==The signal is caused by a WRITE memory access.",
        ]
        log += (0..<60).map { "    #\($0) 0x455083 in frame\($0) /src/nvim/memory.c:\($0):3" }
        log += ["SUMMARY: AddressSanitizer: SEGV /src/nvim/memory.c:119:3 in xfree", "==16563==ABORTING", "", "Running functional tests", "", "All done"]
        let found = blocks(log)
        #expect(found.first?.rule == "sanitizer.report")
        #expect(found.first?.lines == 1...64, "\(found)")
    }

    @Test func passingTestLine_neverMatches_whateverItsNameSays() {
        let found = blocks([
            "[ RUN      ] jobs jobwait will return -1 if the wait timed out: 110.2 ms OK",
            "t4019-diff-wserror.sh ..... ok", "test_error_handling PASSED",
        ])
        #expect(found.isEmpty, "\(found)")
    }

    @Test func namesThatContainErrorOrFailed_areNotProse() {
        let found = blocks([
            "    GEN perl/build/lib/Git/LoadCPAN/Error.pm", "[ 25 of 162] Compiling Language.PureScript.CST.Errors",
            "+export GIT_PROVE_OPTS=--timer --jobs 3 --state=failed,slow,save",
        ])
        #expect(found.isEmpty, "\(found)")
    }

    @Test func equallyIndentedLines_doNotContinueAMatch() {
        var log = ["    CC builtin/error.o: error: 'x' undeclared"]
        log += (0..<30).map { "    CC t/helper/test-\($0).o" }
        let found = blocks(log)
        #expect(found.first?.lines == 1...1, "\(found)")
    }

    @Test func phpunitSection_runsFromUnderItsHeadingToTheVerdict() {
        let log = [
            "Time: 11.79 seconds, Memory: 44.00MB", "", "There was 1 failure:", "", "1) Inflector_helper_test::test_plural",
            "Failed asserting that two strings are equal.", "--- Expected", "+++ Actual", "@@ @@", "-'tellies'", "+'telly'", "",
            "/home/travis/build/ci/tests/inflector_helper_test.php:43", "", "FAILURES!", "Tests: 12, Assertions: 40, Failures: 1.",
        ]
        let found = blocks(log)
        #expect(found.first?.lines == 5...13, "\(found)")
    }

    @Test func mochaFailingList_runsAsFarAsItsIndentation() {
        let log = [
            "  65843 passing (11m)", "  2 failing", "", "  1) ", "       unittests:: General", "     AssertionError: expected 1 to equal 2",
            "      at Context.<anonymous> (src/a.ts:259:20)", "", "  2) ", "       unittests:: General", "     AssertionError: expected 1 to equal 2",
            "      at Context.<anonymous> (src/a.ts:279:20)", "", "", "[00:04:30] 'runTestsParallel' errored after 11 min",
        ]
        let found = blocks(log)
        #expect(found.first?.lines == 2...12, "\(found)")
    }

    @Test func minitestHeading_takesItsParagraph() {
        let log = [
            "Run options: --seed 42", "", "Failure:", "ParserTest#test_empty [test/parser_test.rb:12]:", "Expected: 0", "  Actual: 1", "",
            "bin/rails test test/parser_test.rb:10", "", "Finished in 0.1s",
        ]
        let found = blocks(log)
        #expect(found.contains { $0.rule == "minitest.failure" && $0.lines == 3...6 }, "\(found)")
    }

    @Test func nodeLoadError_includesTheFileSourceAndCaretAboveIt() {
        let log = [
            "> gulp build", "", "/home/travis/build/app/gulp-tasks/serve.js:31", "    console.log(`Serving`, );", "                         ^", "",
            "SyntaxError: Unexpected token )", "    at createScript (vm.js:56:10)", "    at Module._compile (module.js:549:28)",
        ]
        let found = blocks(log)
        #expect(found.first?.lines == 3...9, "\(found)")
    }

    @Test func failurePrintedTwice_pointsAtItsFirstPrinting() {
        var log = ["src/rabbit_vhost.erl:91: field description undefined in record vhost"]
        log += (0..<50).map { "building step \($0)" }
        log += ["src/rabbit_vhost.erl:91: field description undefined in record vhost"]
        let found = blocks(log)
        #expect(found.first?.lines == 1...1, "\(found)")
    }

    @Test func crlfBlankLines_insideAJestFailure_doNotEndIt() {
        let log = [
            " FAIL  test/a.test.js (11.408s)\r", "  ● prevents doubling\r", "\r", "    expect(received).toEqual(expected)\r", "\r",
            "    Expected value to equal:\r", "      \".a {\"\r", "\r", "random trailing",
        ]
        let found = blocks(log)
        #expect(found.first?.lines == 1...7, "\(found)")
    }

    /// pytest -v names each failing test beside its verdict as it runs (xdist prefixes its worker); the FAILURES
    /// section far below is one block and the verdict line another, so both reach the top blocks.
    @Test func pytestVerboseVerdict_besideANodeID_isATestRunnersVerdict() {
        var log = ["##[group]Run pytest -v -n auto"]
        log += (0..<30).map { "[gw0] [ \($0)%] PASSED tests/test_cache.py::test_case_\($0) " }
        log += ["[gw1] [ 88%] FAILED tests/test_mongo.py::TestMongoCache::test_ttl ", "tests/test_mongo.py::test_other PASSED [ 90%]"]
        log += (0..<30).map { "[gw0] [ 9\($0 / 10)%] PASSED tests/test_more.py::test_more_\($0) " }
        log += [
            "=================================== FAILURES ===================================", "___ TestMongoCache.test_ttl ___",
            "E       assert 1 == 2", "tests/test_mongo.py:81: AssertionError", "================== 1 failed, 60 passed in 10.2s ==================",
            "##[error]Process completed with exit code 1.",
        ]
        let found = blocks(log)
        #expect(found.contains { $0.lines.contains(32) && $0.rule == "test.failed-verdict" }, "\(found)")
        #expect(!found.contains { $0.lines.contains(33) }, "a passing test's verdict is not a failure: \(found)")
    }
}
