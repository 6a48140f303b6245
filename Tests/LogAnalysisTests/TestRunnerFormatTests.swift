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
            name: "cargo", command: "cargo test",
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
            name: "dotnet", command: "dotnet test",
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
            name: "go", command: "go test ./...",
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
            name: "gradle", command: "./gradlew test",
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
            name: "jest", command: "npm test",
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
            name: "maven-junit4", command: "mvn -B test",
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
            names: [#"[ERROR] testAdd(com.example.CalculatorTest)  Time elapsed: 0.005 s  <<< FAILURE!"#, #"[ERROR]   CalculatorTest.testAdd:15 expected:<5> but was:<4>"#]),
        Format(
            name: "maven-junit5", command: "mvn -B verify",
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
            names: [#"[ERROR] com.example.CalculatorTest.addsNumbers -- Time elapsed: 0.010 s <<< FAILURE!"#, #"[ERROR]   CalculatorTest.addsNumbers:12 expected: <5> but was: <4>"#]),
        Format(
            name: "mocha", command: "npm test",
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
            name: "phpunit", command: "vendor/bin/phpunit",
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
            name: "pytest-plain", command: "pytest",
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
            names: [#"___________________________________ test_add ___________________________________"#, #"FAILED tests/test_calc.py::test_add - assert -1 == 5"#]),
        Format(
            name: "rspec", command: "bundle exec rspec",
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
            name: "vitest", command: "npx vitest run",
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
    ]
}
