import LogAnalysis
import Testing

/// Test runners' failure reports as each tool prints them (written from the tools' documented output, not from
/// the corpora), inside a GitHub Actions job with set-up steps before: whatever the format, a block among the
/// top three holds the line that names the failing test, and the first block lies in the failing step's output.
@Suite struct TestRunnerFormatTests {
    struct Format: Sendable, CustomStringConvertible {
        var name: String
        var command: String
        var output: String
        /// Text of the lines that name the failing test.
        var names: [String]
        var description: String { name }
    }

    @Test(arguments: formats) func theLineNamingTheFailingTest_isInTheTopBlocks(format: Format) throws {
        let (log, output) = Self.job(format)
        let lines = log.split(separator: "\n", omittingEmptySubsequences: false)
        let named = Set(lines.indices.filter { index in format.names.contains { lines[index].hasSuffix($0) } }.map { $0 + 1 })
        #expect(named.count == format.names.count, "every name is one line of the log")
        let extractor = StreamingExtractor()
        let blocks = extractor.blocks(extractor.scan(Array(log.utf8)))
        #expect(blocks.contains { block in named.contains { block.lines.contains($0) } }, "\(blocks)")
        #expect(try #require(blocks.first).startLine >= output, "\(blocks)")
    }

    /// The job: checkout and set-up steps (with a deprecation warning), then the step that runs `command`;
    /// and the line number where the command's output starts.
    static func job(_ format: Format) -> (log: String, output: Int) {
        let setup = [
            "##[group]Run actions/checkout@v4", "with:", "  repository: acme/calc", "##[endgroup]", "Syncing repository: acme/calc",
            "##[group]Run actions/setup-java@v4", "Java configuration:", "  Distribution: temurin",
            "warning: The `set-output` command is deprecated and will be disabled soon.", "##[endgroup]",
            "##[group]Run \(format.command)", format.command, "shell: /usr/bin/bash -e {0}", "##[endgroup]",
        ]
        let tail = ["##[error]Process completed with exit code 1.", "Post job cleanup."]
        let lines = setup + format.output.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) + tail
        return (lines.map { "2024-03-01T10:00:04.0000000Z \($0)" }.joined(separator: "\n"), setup.count + 1)
    }

    static let formats: [Format] = [
        Format(
            name: "bats", command: #"bats test"#,
            output: #"""
                1..3
                ok 1 parses empty input
                not ok 2 adds numbers
                # (in test file test/calc.bats, line 9)
                #   `[ "$output" = "5" ]' failed
                ok 3 prints help
                """#,
            names: [#"not ok 2 adds numbers"#]),
        Format(
            name: "bazel", command: #"bazel test //..."#,
            output: #"""
                INFO: Analyzed 4 targets (12 packages loaded, 80 targets configured).
                INFO: Found 2 targets and 2 test targets...
                FAIL: //calc:calc_test (see /home/runner/.cache/bazel/_bazel_runner/abc/execroot/calc/bazel-out/k8-fastbuild/testlogs/calc/calc_test/test.log)
                INFO: Elapsed time: 3.210s, Critical Path: 1.02s
                INFO: 6 processes: 2 internal, 4 linux-sandbox.
                INFO: Build completed, 1 test FAILED, 6 total actions
                //calc:parse_test                                                        PASSED in 0.1s
                //calc:calc_test                                                         FAILED in 0.2s
                  /home/runner/.cache/bazel/_bazel_runner/abc/execroot/calc/bazel-out/k8-fastbuild/testlogs/calc/calc_test/test.log

                Executed 2 out of 2 tests: 1 test passes and 1 fails locally.
                """#,
            names: [
                #"FAIL: //calc:calc_test (see /home/runner/.cache/bazel/_bazel_runner/abc/execroot/calc/bazel-out/k8-fastbuild/testlogs/calc/calc_test/test.log)"#,
                #"//calc:calc_test                                                         FAILED in 0.2s"#,
            ]),
        Format(
            name: "cargo", command: #"cargo test"#,
            output: #"""
                   Compiling calc v0.1.0 (/home/runner/work/calc/calc)
                    Finished test [unoptimized + debuginfo] target(s) in 1.02s
                     Running unittests src/lib.rs (target/debug/deps/calc-1a2b3c4d)

                running 3 tests
                test tests::it_parses ... ok
                test tests::it_adds ... FAILED
                test tests::it_works ... ok

                failures:

                ---- tests::it_adds stdout ----
                thread 'tests::it_adds' panicked at src/lib.rs:10:9:
                assertion `left == right` failed
                  left: 4
                 right: 5
                note: run with `RUST_BACKTRACE=1` environment variable to display a backtrace


                failures:
                    tests::it_adds

                test result: FAILED. 2 passed; 1 failed; 0 ignored; 0 measured; 0 filtered out; finished in 0.00s

                error: test failed, to rerun pass `--lib`
                """#,
            names: [#"test tests::it_adds ... FAILED"#, #"---- tests::it_adds stdout ----"#]),
        Format(
            name: "ctest", command: #"ctest --output-on-failure"#,
            output: #"""
                Test project /home/runner/work/calc/calc/build
                    Start 1: parse_test
                1/3 Test #1: parse_test .......................   Passed    0.01 sec
                    Start 2: calc_test
                2/3 Test #2: calc_test ........................***Failed    0.02 sec
                calc_test.cpp:12: FAILED:
                  REQUIRE( add(2, 3) == 5 )
                with expansion:
                  4 == 5
                    Start 3: io_test
                3/3 Test #3: io_test ..........................   Passed    0.01 sec

                67% tests passed, 1 tests failed out of 3

                Total Test time (real) =   0.05 sec

                The following tests FAILED:
                	  2 - calc_test (Failed)
                Errors while running CTest
                """#,
            names: [#"2/3 Test #2: calc_test ........................***Failed    0.02 sec"#, #"2 - calc_test (Failed)"#]),
        Format(
            name: "dart", command: #"dart test"#,
            output: #"""
                00:00 +0: loading test/calc_test.dart
                00:01 +0: test/calc_test.dart: parses empty input
                00:01 +1: test/calc_test.dart: adds numbers
                00:01 +1 -1: test/calc_test.dart: adds numbers [E]
                  Expected: <5>
                    Actual: <4>

                  package:matcher                expect
                  test/calc_test.dart 8:5        main.<fn>

                00:01 +1 -1: Some tests failed.
                """#,
            names: [#"00:01 +1 -1: test/calc_test.dart: adds numbers [E]"#]),
        Format(
            name: "dotnet", command: #"dotnet test"#,
            output: #"""
                  Determining projects to restore...
                  Calc.Tests -> /home/runner/work/calc/calc/Calc.Tests/bin/Debug/net8.0/Calc.Tests.dll
                Test run for /home/runner/work/calc/calc/Calc.Tests/bin/Debug/net8.0/Calc.Tests.dll (.NETCoreApp,Version=v8.0)
                Starting test execution, please wait...
                A total of 1 test files matched the specified pattern.
                  Failed Calc.Tests.CalculatorTests.AddTest [12 ms]
                  Error Message:
                   Assert.Equal() Failure
                Expected: 5
                Actual:   4
                  Stack Trace:
                     at Calc.Tests.CalculatorTests.AddTest() in /home/runner/work/calc/calc/Calc.Tests/CalculatorTests.cs:line 12

                Failed!  - Failed:     1, Passed:     2, Skipped:     0, Total:     3, Duration: 20 ms - Calc.Tests.dll (net8.0)
                """#,
            names: [#"  Failed Calc.Tests.CalculatorTests.AddTest [12 ms]"#]),
        Format(
            name: "exunit", command: #"mix test"#,
            output: #"""
                Compiling 3 files (.ex)
                Generated calc app
                ..

                  1) test adds numbers (CalcTest)
                     test/calc_test.exs:5
                     Assertion with == failed
                     code:  assert Calc.add(2, 3) == 5
                     left:  4
                     right: 5
                     stacktrace:
                       test/calc_test.exs:6: (test)

                .
                Finished in 0.03 seconds (0.00s async, 0.03s sync)
                4 tests, 1 failure

                Randomized with seed 123456
                """#,
            names: [#"  1) test adds numbers (CalcTest)"#]),
        Format(
            name: "go", command: #"go test ./..."#,
            output: #"""
                ok  	example.com/calc/parse	0.002s
                --- FAIL: TestAdd (0.00s)
                    calc_test.go:9: Add(2, 3) = -1; want 5
                FAIL
                FAIL	example.com/calc	0.003s
                FAIL
                """#,
            names: [#"--- FAIL: TestAdd (0.00s)"#]),
        Format(
            name: "gotestsum", command: #"gotestsum ./..."#,
            output: #"""
                ✓  parse (2ms)
                ✖  calc (3ms)

                === Failed
                === FAIL: calc TestAdd (0.00s)
                    calc_test.go:9: Add(2, 3) = 4; want 5

                DONE 5 tests, 1 failure in 0.512s
                """#,
            names: [#"=== FAIL: calc TestAdd (0.00s)"#]),
        Format(
            name: "gradle", command: #"./gradlew test"#,
            output: #"""
                > Task :compileJava
                > Task :compileTestJava
                > Task :test

                CalculatorTest > addsNumbers() FAILED
                    org.opentest4j.AssertionFailedError at CalculatorTest.java:12

                ParserTest > parsesEmpty() PASSED

                3 tests completed, 1 failed

                > Task :test FAILED

                FAILURE: Build failed with an exception.

                * What went wrong:
                Execution failed for task ':test'.
                > There were failing tests. See the report at: file:///home/runner/work/calc/calc/build/reports/tests/test/index.html

                * Try:
                > Run with --scan to get full insights.

                BUILD FAILED in 12s
                4 actionable tasks: 4 executed
                """#,
            names: [#"CalculatorTest > addsNumbers() FAILED"#]),
        Format(
            name: "hspec", command: #"stack test"#,
            output: #"""
                calc> test (suite: calc-test)

                Calc
                  add
                    adds two numbers [✘]
                  parse
                    parses empty input [✔]

                Failures:

                  test/CalcSpec.hs:10:30: 
                  1) Calc.add adds two numbers
                       expected: 5
                        but got: 4

                  To rerun use: --match "/Calc/add/adds two numbers/"

                Randomized with seed 42

                Finished in 0.0012 seconds
                2 examples, 1 failure

                calc> Test suite calc-test failed
                Error: [S-7282]
                       Stack failed to execute the build plan.
                """#,
            names: [#"  1) Calc.add adds two numbers"#]),
        Format(
            name: "jest", command: #"npm test"#,
            output: #"""
                > calc@1.0.0 test
                > jest

                PASS src/parse.test.js
                FAIL src/sum.test.js
                  ● sum › adds 1 + 2 to equal 3

                    expect(received).toBe(expected) // Object.is equality

                    Expected: 3
                    Received: 4

                      3 | test('adds 1 + 2 to equal 3', () => {
                    > 4 |   expect(sum(1, 2)).toBe(3);
                        |                     ^
                      5 | });

                      at Object.<anonymous> (src/sum.test.js:4:21)

                Test Suites: 1 failed, 1 passed, 2 total
                Tests:       1 failed, 5 passed, 6 total
                Snapshots:   0 total
                Time:        0.512 s
                Ran all test suites.
                """#,
            names: [#"  ● sum › adds 1 + 2 to equal 3"#]),
        Format(
            name: "julia", command: #"julia --project -e 'using Pkg; Pkg.test()'"#,
            output: #"""
                     Testing Running tests...
                add: Test Failed at /home/runner/work/Calc.jl/Calc.jl/test/runtests.jl:5
                  Expression: add(2, 3) == 5
                   Evaluated: 4 == 5

                Stacktrace:
                 [1] macro expansion
                   @ /opt/hostedtoolcache/julia/1.10.0/x64/share/julia/stdlib/v1.10/Test/src/Test.jl:672 [inlined]
                 [2] top-level scope
                   @ /home/runner/work/Calc.jl/Calc.jl/test/runtests.jl:5
                Test Summary: | Pass  Fail  Total  Time
                add           |    3     1      4  0.4s
                ERROR: LoadError: Some tests did not pass: 3 passed, 1 failed, 0 errored, 0 broken.
                in expression starting at /home/runner/work/Calc.jl/Calc.jl/test/runtests.jl:3
                ERROR: Package Calc errored during testing
                """#,
            names: [#"add: Test Failed at /home/runner/work/Calc.jl/Calc.jl/test/runtests.jl:5"#]),
        Format(
            name: "karma", command: #"npm test"#,
            output: #"""
                > calc@1.0.0 test
                > karma start --single-run

                01 03 2024 10:00:05.123:INFO [karma-server]: Karma v6.4.2 server started at http://localhost:9876/
                01 03 2024 10:00:05.130:INFO [launcher]: Starting browser ChromeHeadless
                Chrome Headless 120.0.6099.71 (Linux x86_64) Calculator adds numbers FAILED
                	Expected 4 to be 5.
                	    at UserContext.<anonymous> (src/calc.spec.js:5:27)
                Chrome Headless 120.0.6099.71 (Linux x86_64): Executed 2 of 2 (1 FAILED) (0.012 secs / 0.004 secs)
                TOTAL: 1 FAILED, 1 SUCCESS
                """#,
            names: [#"Chrome Headless 120.0.6099.71 (Linux x86_64) Calculator adds numbers FAILED"#]),
        Format(
            name: "maven-junit4", command: #"mvn -B test"#,
            output: #"""
                [INFO] Scanning for projects...
                [INFO] Building calc 1.0-SNAPSHOT
                [INFO] --- maven-surefire-plugin:2.22.2:test (default-test) @ calc ---
                [INFO] 
                [INFO] -------------------------------------------------------
                [INFO]  T E S T S
                [INFO] -------------------------------------------------------
                [INFO] Running com.example.ParserTest
                [INFO] Tests run: 4, Failures: 0, Errors: 0, Skipped: 0, Time elapsed: 0.012 s - in com.example.ParserTest
                [INFO] Running com.example.CalculatorTest
                [ERROR] Tests run: 3, Failures: 1, Errors: 0, Skipped: 0, Time elapsed: 0.045 s <<< FAILURE! - in com.example.CalculatorTest
                [ERROR] testAdd(com.example.CalculatorTest)  Time elapsed: 0.005 s  <<< FAILURE!
                java.lang.AssertionError: expected:<5> but was:<4>
                	at org.junit.Assert.fail(Assert.java:89)
                	at org.junit.Assert.failNotEquals(Assert.java:835)
                	at com.example.CalculatorTest.testAdd(CalculatorTest.java:15)

                [INFO] 
                [INFO] Results:
                [INFO] 
                [ERROR] Failures: 
                [ERROR]   CalculatorTest.testAdd:15 expected:<5> but was:<4>
                [INFO] 
                [ERROR] Tests run: 7, Failures: 1, Errors: 0, Skipped: 0
                [INFO] 
                [INFO] ------------------------------------------------------------------------
                [INFO] BUILD FAILURE
                [INFO] ------------------------------------------------------------------------
                [INFO] Total time:  2.345 s
                [INFO] Finished at: 2024-03-01T10:00:08Z
                [INFO] ------------------------------------------------------------------------
                [ERROR] Failed to execute goal org.apache.maven.plugins:maven-surefire-plugin:2.22.2:test (default-test) on project calc: There are test failures.
                [ERROR] 
                [ERROR] Please refer to /home/runner/work/calc/calc/target/surefire-reports for the individual test results.
                [ERROR] Please refer to dump files (if any exist) [date].dump, [date]-jvmRun[N].dump and [date].dumpstream.
                [ERROR] -> [Help 1]
                [ERROR] 
                [ERROR] To see the full stack trace of the errors, re-run Maven with the -e switch.
                [ERROR] Re-run Maven using the -X switch to enable full debug logging.
                [ERROR] 
                [ERROR] For more information about the errors and possible solutions, please read the following articles:
                [ERROR] [Help 1] http://cwiki.apache.org/confluence/display/MAVEN/MojoFailureException
                """#,
            names: [
                #"[ERROR] testAdd(com.example.CalculatorTest)  Time elapsed: 0.005 s  <<< FAILURE!"#,
                #"[ERROR]   CalculatorTest.testAdd:15 expected:<5> but was:<4>"#,
            ]),
        Format(
            name: "maven-junit5", command: #"mvn -B verify"#,
            output: #"""
                [INFO] Running com.example.CalculatorTest
                [ERROR] Tests run: 2, Failures: 1, Errors: 0, Skipped: 0, Time elapsed: 0.031 s <<< FAILURE! -- in com.example.CalculatorTest
                [ERROR] com.example.CalculatorTest.addsNumbers -- Time elapsed: 0.010 s <<< FAILURE!
                org.opentest4j.AssertionFailedError: expected: <5> but was: <4>
                	at org.junit.jupiter.api.AssertionFailureBuilder.build(AssertionFailureBuilder.java:151)
                	at com.example.CalculatorTest.addsNumbers(CalculatorTest.java:12)

                [INFO] 
                [INFO] Results:
                [INFO] 
                [ERROR] Failures: 
                [ERROR]   CalculatorTest.addsNumbers:12 expected: <5> but was: <4>
                [INFO] 
                [ERROR] Tests run: 2, Failures: 1, Errors: 0, Skipped: 0
                [INFO] 
                [INFO] BUILD FAILURE
                [ERROR] Failed to execute goal org.apache.maven.plugins:maven-surefire-plugin:3.2.5:test (default-test) on project calc: There are test failures.
                """#,
            names: [
                #"[ERROR] com.example.CalculatorTest.addsNumbers -- Time elapsed: 0.010 s <<< FAILURE!"#,
                #"[ERROR]   CalculatorTest.addsNumbers:12 expected: <5> but was: <4>"#,
            ]),
        Format(
            name: "minitest", command: #"bundle exec rake test"#,
            output: #"""
                Run options: --seed 12345

                # Running:

                .F.

                Finished in 0.002s, 1500.0 runs/s, 1500.0 assertions/s.

                  1) Failure:
                CalculatorTest#test_add [test/calculator_test.rb:6]:
                Expected: 5
                  Actual: 4

                3 runs, 3 assertions, 1 failures, 0 errors, 0 skips
                rake aborted!
                Command failed with status (1)
                """#,
            names: [#"  1) Failure:"#, #"CalculatorTest#test_add [test/calculator_test.rb:6]:"#]),
        Format(
            name: "mocha", command: #"npm test"#,
            output: #"""
                > calc@1.0.0 test
                > mocha

                  Array
                    #indexOf()
                      ✔ should return the index when present
                      1) should return -1 when the value is not present


                  1 passing (9ms)
                  1 failing

                  1) Array
                       #indexOf()
                         should return -1 when the value is not present:

                      AssertionError [ERR_ASSERTION]: 0 == -1
                      + expected - actual

                      -0
                      +-1
                      
                      at Context.<anonymous> (test/test.js:5:14)
                      at process.processImmediate (node:internal/timers:476:21)
                """#,
            names: [#"      1) should return -1 when the value is not present"#, #"  1) Array"#]),
        Format(
            name: "node-test", command: #"node --test"#,
            output: #"""
                ✔ parses empty input (0.5ms)
                ✖ adds numbers (1.2ms)
                  AssertionError [ERR_ASSERTION]: Expected values to be strictly equal:

                  4 !== 5

                      at TestContext.<anonymous> (file:///home/runner/work/calc/calc/test/calc.test.js:6:10)
                      at Test.runInAsyncScope (node:async_hooks:206:9)
                  {
                    generatedMessage: true,
                    code: 'ERR_ASSERTION',
                    actual: 4,
                    expected: 5,
                    operator: 'strictEqual'
                  }

                ℹ tests 2
                ℹ suites 0
                ℹ pass 1
                ℹ fail 1
                ℹ cancelled 0
                ℹ skipped 0
                ℹ todo 0
                ℹ duration_ms 45.1

                ✖ failing tests:

                test at file:///home/runner/work/calc/calc/test/calc.test.js:4:1
                ✖ adds numbers (1.2ms)
                  AssertionError [ERR_ASSERTION]: Expected values to be strictly equal:
                """#,
            names: [#"✖ adds numbers (1.2ms)"#, #"✖ adds numbers (1.2ms)"#]),
        Format(
            name: "phpunit", command: #"vendor/bin/phpunit"#,
            output: #"""
                PHPUnit 10.5.0 by Sebastian Bergmann and contributors.

                ..F.                                                                4 / 4 (100%)

                Time: 00:00.012, Memory: 8.00 MB

                There was 1 failure:

                1) CalculatorTest::testAdd
                Failed asserting that -1 matches expected 5.

                /home/runner/work/calc/calc/tests/CalculatorTest.php:12

                FAILURES!
                Tests: 4, Assertions: 4, Failures: 1.
                """#,
            names: [#"1) CalculatorTest::testAdd"#]),
        Format(
            name: "playwright", command: #"npx playwright test"#,
            output: #"""
                Running 6 tests using 2 workers

                  ✓  1 [chromium] › tests/home.spec.ts:3:5 › shows the title (1.2s)
                  ✘  2 [chromium] › tests/cart.spec.ts:8:5 › adds an item (5.1s)
                  ✓  3 [firefox] › tests/home.spec.ts:3:5 › shows the title (1.5s)

                  1) [chromium] › tests/cart.spec.ts:8:5 › adds an item ────────────────────────────────────────

                    Error: Timed out 5000ms waiting for expect(locator).toHaveText(expected)

                    Locator: getByTestId('count')
                    Expected string: "1"
                    Received string: "0"

                       9 |   await page.getByRole('button', { name: 'Add' }).click();
                    > 10 |   await expect(page.getByTestId('count')).toHaveText('1');
                         |                                           ^
                      11 | });

                        at /home/runner/work/shop/shop/tests/cart.spec.ts:10:43

                  1 failed
                    [chromium] › tests/cart.spec.ts:8:5 › adds an item ─────────────────────────────────────────
                  5 passed (12.3s)
                """#,
            names: [
                #"  ✘  2 [chromium] › tests/cart.spec.ts:8:5 › adds an item (5.1s)"#,
                #"  1) [chromium] › tests/cart.spec.ts:8:5 › adds an item ────────────────────────────────────────"#,
            ]),
        Format(
            name: "pytest-plain", command: #"pytest"#,
            output: #"""
                ============================= test session starts ==============================
                platform linux -- Python 3.12.1, pytest-8.0.0
                collected 12 items

                tests/test_calc.py ..F.........                                          [100%]

                =================================== FAILURES ===================================
                ___________________________________ test_add ___________________________________

                    def test_add():
                >       assert add(2, 3) == 5
                E       assert -1 == 5
                E        +  where -1 = add(2, 3)

                tests/test_calc.py:6: AssertionError
                =========================== short test summary info ============================
                FAILED tests/test_calc.py::test_add - assert -1 == 5
                ========================= 1 failed, 11 passed in 0.05s =========================
                """#,
            names: [
                #"___________________________________ test_add ___________________________________"#, #"FAILED tests/test_calc.py::test_add - assert -1 == 5"#,
            ]),
        Format(
            name: "rspec", command: #"bundle exec rspec"#,
            output: #"""
                Randomized with seed 1234
                ..F.

                Failures:

                  1) Calculator adds numbers
                     Failure/Error: expect(calc.add(2, 3)).to eq(5)

                       expected: 5
                            got: -1

                       (compared using ==)
                     # ./spec/calculator_spec.rb:6:in `block (2 levels) in <top (required)>'

                Finished in 0.01 seconds (files took 0.1 seconds to load)
                4 examples, 1 failure

                Failed examples:

                rspec ./spec/calculator_spec.rb:5 # Calculator adds numbers
                """#,
            names: [#"  1) Calculator adds numbers"#, #"rspec ./spec/calculator_spec.rb:5 # Calculator adds numbers"#]),
        Format(
            name: "sbt-scalatest", command: #"sbt test"#,
            output: #"""
                [info] CalculatorSpec:
                [info] add
                [info] - should add two numbers *** FAILED ***
                [info]   4 did not equal 5 (CalculatorSpec.scala:8)
                [info] - should parse empty input
                [info] Run completed in 312 milliseconds.
                [info] Total number of tests run: 2
                [info] Suites: completed 1, aborted 0
                [info] Tests: succeeded 1, failed 1, canceled 0, ignored 0, pending 0
                [info] *** 1 TEST FAILED ***
                [error] Failed tests:
                [error] 	calc.CalculatorSpec
                [error] (Test / test) sbt.TestsFailedException: Tests unsuccessful
                [error] Total time: 5 s, completed Mar 1, 2024, 10:00:09 AM
                """#,
            names: [#"[info] - should add two numbers *** FAILED ***"#]),
        Format(
            name: "swift-testing", command: #"swift test"#,
            output: #"""
                Building for debugging...
                Build complete! (10.02s)
                ◇ Test run started.
                ↳ Testing Library Version: 0.10.0
                ◇ Test addsNumbers() started.
                ◇ Test parsesEmpty() started.
                ✔ Test parsesEmpty() passed after 0.001 seconds.
                ✘ Test addsNumbers() recorded an issue at CalculatorTests.swift:7:5: Expectation failed: (add(2, 3) → 4) == 5
                ✘ Test addsNumbers() failed after 0.002 seconds with 1 issue.
                ✘ Test run with 2 tests failed after 0.003 seconds with 1 issue.
                """#,
            names: [#"✘ Test addsNumbers() recorded an issue at CalculatorTests.swift:7:5: Expectation failed: (add(2, 3) → 4) == 5"#]),
        Format(
            name: "unittest", command: #"python -m unittest -v"#,
            output: #"""
                test_add (tests.test_calc.CalcTest.test_add) ... FAIL
                test_parse (tests.test_calc.CalcTest.test_parse) ... ok

                ======================================================================
                FAIL: test_add (tests.test_calc.CalcTest.test_add)
                ----------------------------------------------------------------------
                Traceback (most recent call last):
                  File "/home/runner/work/calc/calc/tests/test_calc.py", line 6, in test_add
                    self.assertEqual(add(2, 3), 5)
                AssertionError: 4 != 5

                ----------------------------------------------------------------------
                Ran 2 tests in 0.001s

                FAILED (failures=1)
                """#,
            names: [#"test_add (tests.test_calc.CalcTest.test_add) ... FAIL"#, #"FAIL: test_add (tests.test_calc.CalcTest.test_add)"#]),
        Format(
            name: "vitest", command: #"npx vitest run"#,
            output: #"""
                 RUN  v1.2.0 /home/runner/work/calc/calc

                 ✓ src/parse.test.ts (3 tests) 2ms
                 ❯ src/sum.test.ts (2 tests | 1 failed) 5ms
                   × sum > adds numbers
                     → expected 4 to be 3

                ⎯⎯⎯⎯⎯⎯⎯ Failed Tests 1 ⎯⎯⎯⎯⎯⎯⎯

                 FAIL  src/sum.test.ts > sum > adds numbers
                AssertionError: expected 4 to be 3 // Object.is equality

                - Expected
                + Received

                - 3
                + 4

                 ❯ src/sum.test.ts:5:22

                 Test Files  1 failed | 1 passed (2)
                      Tests  1 failed | 4 passed (5)
                """#,
            names: [#"   × sum > adds numbers"#, #" FAIL  src/sum.test.ts > sum > adds numbers"#]),
        Format(
            name: "xctest-linux", command: #"swift test"#,
            output: #"""
                Building for debugging...
                Build complete! (12.31s)
                Test Suite 'All tests' started at 2024-03-01 10:00:05.123
                Test Suite 'CalcPackageTests.xctest' started at 2024-03-01 10:00:05.124
                Test Suite 'CalculatorTests' started at 2024-03-01 10:00:05.124
                Test Case 'CalculatorTests.testAdd' started at 2024-03-01 10:00:05.124
                /home/runner/work/calc/calc/Tests/CalcTests/CalculatorTests.swift:8: error: CalculatorTests.testAdd : XCTAssertEqual failed: ("4") is not equal to ("5")
                Test Case 'CalculatorTests.testAdd' failed (0.002 seconds)
                Test Case 'CalculatorTests.testParse' started at 2024-03-01 10:00:05.126
                Test Case 'CalculatorTests.testParse' passed (0.001 seconds)
                Test Suite 'CalculatorTests' failed at 2024-03-01 10:00:05.127
                	 Executed 2 tests, with 1 failure (0 unexpected) in 0.003 (0.003) seconds
                Test Suite 'All tests' failed at 2024-03-01 10:00:05.127
                	 Executed 2 tests, with 1 failure (0 unexpected) in 0.003 (0.003) seconds
                """#,
            names: [
                #"/home/runner/work/calc/calc/Tests/CalcTests/CalculatorTests.swift:8: error: CalculatorTests.testAdd : XCTAssertEqual failed: ("4") is not equal to ("5")"#
            ]),
    ]
}
