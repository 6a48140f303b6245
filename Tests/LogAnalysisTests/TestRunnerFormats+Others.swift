extension TestRunnerFormatTests {
    /// Other ecosystems: Go (go test, gotestsum), Rust, Swift (XCTest, Swift Testing), C/C++ (ctest, Bazel), .NET, Ruby, PHP, Elixir, Haskell, Julia, Dart, shell (bats).
    static let others: [Format] = [
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
