import LogAnalysis
import Testing

/// One realistic fixture per rule: the failure lines as the tool prints them, inside ordinary noise.
@Suite struct RuleFixtureTests {
    static let fixtures: [(rule: String, kind: FailureKind, lines: [String])] = [
        ("gha.error-annotation", .unknown, ["::error file=src/app.ts,line=12,col=5::Type 'string' is not assignable to type 'number'."]),
        ("pytest.failed-summary", .test, ["FAILED tests/test_calc.py::test_add - assert -1 == 5"]),
        (
            "pytest.failures-section", .test,
            ["=================================== FAILURES ===================================", "____________ TestDevice.test_cauchy ____________"]
        ),
        ("pytest.assertion-line", .test, [">       assert add(2, 3) == 5", "E       assert -1 == 5"]),
        ("python.exception", .test, ["ModuleNotFoundError: No module named 'requests'"]),
        ("python.traceback", .test, ["Traceback (most recent call last):", "  File \"app/main.py\", line 3, in <module>", "    import yaml"]),
        ("go.test-fail", .test, ["--- FAIL: TestParse (0.00s)", "    parse_test.go:14: got 3, want 4"]),
        ("jest.failed-test", .test, ["  ● Calculator › adds numbers", "", "    expect(received).toBe(expected) // Object.is equality"]),
        ("rspec.failure", .test, ["     Failure/Error: expect(user.name).to eq('Bob')"]),
        ("junit.failures", .test, ["Tests run: 12, Failures: 1, Errors: 0, Skipped: 0, Time elapsed: 0.4 s <<< FAILURE! - in com.acme.ParserTest"]),
        ("xunit.assert", .test, ["junit.framework.AssertionFailedError: expected:<4> but was:<3>"]),
        ("phpunit.failures", .test, ["There was 1 failure:", "", "1) CalculatorTest::testAdd"]),
        ("tap.not-ok", .test, ["not ok 3 - parses empty input"]),
        (
            "xctest.failure", .test,
            [
                "/Users/travis/build/app/Tests/ParserTests.swift:42: error: -[AppTests.ParserTests testEmpty] : XCTAssertEqual failed: (\"1\") is not equal to (\"0\")"
            ]
        ),
        ("mocha.failure", .test, ["  1) Parser", "       parses empty input:", "     Error: expected 0 to equal 1"]),
        ("ghc.diagnostic", .build, ["src/Text/Parser.hs:94:10: Warning:", "    No explicit implementation for", "      ‘mappend’"]),
        ("prettier.check", .lint, ["[warn] src/app.css", "[warn] Code style issues found in the above file(s). Forgot to run Prettier?"]),
        ("timeout.exit-124", .timeout, ["Command took >30min, returning 124"]),
        ("pytest.interrupted", .cancelled, ["!!!!!!!!!!!!!!!!!!!!!!!!!!!!!! KeyboardInterrupt !!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!"]),
        ("git.dirty-checkout", .infra, ["Build left local git repository checkout dirty"]),
        ("test.failed-verdict", .test, ["io.acme.ParserTest > parsesEmptyInput FAILED", "    java.lang.AssertionError at ParserTest.java:42"]),
        ("minitest.failure", .test, ["Failure:", "ParserTest#test_empty [test/parser_test.rb:12]:", "Expected: 0", "  Actual: 1"]),
        ("sbt.error", .build, ["[error] /home/travis/build/acme/core/src/main/scala/acme/Parser.scala:10:8: object protobuf is not a member of package acme"]),
        ("test.cross-mark", .test, ["    ✗ Signal_producer_disposes_the_observer, expected to equal <1>, got <0>"]),
        ("ct.failed", .test, ["confirms_SUITE:dead_queue_reject failed on line 195", "Reason: expecting_nack_got_ack"]),
        ("erlang.diagnostic", .build, ["src/rabbit_vhost.erl:91: field description undefined in record vhost"]),
        ("xcpretty.error", .build, ["❌  /Users/travis/build/app/Sources/Parser.swift:47:19: 'value' is inaccessible due to 'internal' protection level"]),
        ("r.check-tests", .test, ["* checking tests ...", "  Running ‘testthat.R’", " ERROR", "Running the tests in ‘tests/testthat.R’ failed."]),
        ("pester.failed", .test, ["[-] Get-Widget returns the default widget 12ms", "Expected: 'default'", "Actual  : 'none'"]),
        ("exunit.failure", .test, ["     ** (MatchError) no match of right hand side value: :error"]),
        ("compiler.diagnostic", .build, ["src/main.c:12:5: error: 'x' undeclared (first use in this function)"]),
        ("compiler.undefined", .build, ["/usr/bin/ld: main.o: in function `main': undefined reference to `sqlite3_open'"]),
        (
            "maven.error", .build,
            ["[ERROR] Failed to execute goal org.apache.maven.plugins:maven-compiler-plugin:3.8.1:compile (default-compile) on project core"]
        ),
        ("gradle.failure", .build, ["FAILURE: Build failed with an exception."]),
        ("make.error", .build, ["CMake Error at CMakeLists.txt:12 (find_package):", "  Could not find a package configuration file provided by \"Qt5\""]),
        ("lint.violation", .lint, ["app/calc.py:1:8: F401 [*] `os` imported but unused"]),
        ("package.error", .dependency, ["npm ERR! code ERESOLVE", "npm ERR! ERESOLVE unable to resolve dependency tree"]),
        ("syntax.error", .build, ["  File \"setup.py\", line 7", "SyntaxError: invalid syntax"]),
        ("gha.timeout", .timeout, ["##[error]The job running on runner GitHub Actions 2 has exceeded the maximum execution time of 360 minutes."]),
        ("gha.cancelled", .cancelled, ["##[error]The operation was canceled."]),
        (
            "sanitizer.report", .infra,
            [
                "==16563==ERROR: AddressSanitizer: SEGV on unknown address 0x000001d548d0 (pc 0x000000455084 bp 0x000000000000 sp 0x7ffc53357450 T0)",
                "==16563==The signal is caused by a WRITE memory access.",
            ]
        ),
        (
            "composer.unresolvable", .dependency,
            [
                "Your requirements could not be resolved to an installable set of packages.", "", "  Problem 1",
                "    - The requested package acme/bridge 4.4@dev exists as acme/bridge[2.7.x-dev] but these are rejected by your constraint.",
            ]
        ),
        ("gtest.failed", .test, ["[  FAILED  ] ParserTest.HandlesEmptyInput (3 ms)"]),
        (
            "test.fail-column", .test,
            ["      tables:                                                        FAIL (0.06s)", "        --- tables.custom", "        +  29 </table>"]
        ),
        ("test.bare-verdict", .test, ["Testcase: roundsToCents took 0.004 sec", "\tCaused an ERROR", "java.lang.NullPointerException"]),
        ("timeout.message", .test, ["Caught exception in Test_quotestar(): WaitFor() timed out after 5000 msec"]),
        ("failures.heading", .test, ["Failures: ", "\tFrom test_popupwin.vim:", "\tFound errors in Test_popup_beval():", "", "TEST FAILURE"]),
        (
            "mocha.failing", .test,
            ["  65843 passing (11m)", "  5 failing", "", "  1) ", "       unittests:: Reuse program structure", "     AssertionError: expected 1 to equal 2"]
        ),
        (
            "unittest.failure", .test,
            [
                "======================================================================", "FAIL: test_batch_represent (tests.BatchTests)",
                "----------------------------------------------------------------------", "Traceback (most recent call last):",
                "  File \"tests/batch.py\", line 9, in test_batch_represent", "    import cv2", "ImportError: No module named 'cv2'", "",
                "----------------------------------------------------------------------", "Ran 3 tests in 0.2s",
            ]
        ),
        (
            "awesome-bot.issues", .lint,
            [
                "Issues :-(", "> Links ", "  1. 301 https://warehouse.python.org/ → https://pypi.io/", "> Dupes ", "  None ✓", "",
                "Wrote results to ab-results-README.md.json",
            ]
        ),
        ("vader.summary", .test, ["Success/Total: 137/138 (assertions: 379/380)"]),
        ("process.crash", .infra, ["/home/runner/work/_temp/a.sh: line 1:  4242 Segmentation fault      (core dumped) ./run_tests"]),
        ("git.fatal", .infra, ["fatal: could not read Username for 'https://github.com': terminal prompts disabled"]),
        ("generic.error", .unknown, ["Build step 'package' reported an error while signing the archive"]),
        ("generic.failed", .unknown, ["Deployment failed after 3 retries"]),
        ("travis.command-exited", .unknown, ["The command \"./gradlew check\" exited with 1."]),
        ("gha.exit-code", .unknown, ["##[error]Process completed with exit code 2."]),
    ]

    static let noise = (1...40).map { "Downloading package \($0) of 40 (\($0 * 1024) bytes) from mirror" }

    @Test(arguments: fixtures.map(\.rule))
    func fixture_isFoundByItsRule(rule: String) {
        let fixture = Self.fixtures.first { $0.rule == rule }!
        let text = (Self.noise + fixture.lines + ["Cleaning up orphan processes"]).joined(separator: "\n")
        let scan = StreamingExtractor().scan(Array(text.utf8))
        let blocks = StreamingExtractor().blocks(scan, top: 3)
        let first = Self.noise.count + 1
        if ["travis.command-exited", "gha.exit-code"].contains(rule) {
            // A step's exit line closes the failing output: the lines before it become the block.
            #expect(blocks.contains { $0.rule == "region.tail" && $0.endLine == first - 1 }, "\(rule): \(blocks)")
            return
        }
        let hit = blocks.first { $0.lines.overlaps(first...(first + fixture.lines.count - 1)) }
        #expect(hit != nil, "\(rule): \(blocks)")
        #expect(blocks.contains { $0.rule == rule || $0.lines.contains(first) && fixture.kind == $0.kind }, "\(rule): \(blocks.map(\.rule))")
    }

    @Test func everyRule_hasAFixture() {
        #expect(Set(Self.fixtures.map(\.rule)) == Set(ErrorExtractor.ruleIDs))
    }
}
