import LogAnalysis
import Testing

@testable import Pipeline

/// Which frames of a failure the prompt shows first. Each trace has the shape its runner prints (paths
/// absolute as on a hosted runner, frames from the toolchain and installed packages mixed in); the
/// repository's files are listed beside it. Expected: what the test called first, then the deepest
/// project frame, then the rest of the project's code, then the test; nothing outside the repository.
@Suite("frame ranking")
struct FrameRankingTests {
    func ranked(_ log: String, _ files: [String]) -> [String] {
        FrameRanking.ranked([LocationFinder().locations(in: log)], files: TrackedFiles(files)).map { "\($0.path):\($0.line.map(String.init) ?? "-")" }
    }

    @Test func python_pytest_theFrameTheTestCalled_comesBeforeTheLibraryInternalsWhereItRaised() {
        let log = """
            ____________________________ test_enumeration ____________________________
            tests/tests_contrib.py:23: in test_enumeration
                assert list(tenumerate(range(3), start=1)) == [(1, 0), (2, 1), (3, 2)]
            tqdm/contrib/__init__.py:41: in tenumerate
                return enumerate(tqdm_class(iterable, **tqdm_kwargs), start)
            tqdm/std.py:1089: in __init__
                self.refresh(lock_args=self.lock_args)
            tqdm/std.py:1347: in refresh
                self.display()
            /opt/hostedtoolcache/Python/3.11.6/x64/lib/python3.11/site-packages/_pytest/python.py:194: in pytest_pyfunc_call
            E   TypeError: 'int' object is not iterable
            FAILED tests/tests_contrib.py::test_enumeration - TypeError: 'int' object is not iterable
            """
        let files = ["tqdm/__init__.py", "tqdm/std.py", "tqdm/contrib/__init__.py", "tests/tests_contrib.py"]
        #expect(
            ranked(log, files) == [
                "tqdm/contrib/__init__.py:41", "tqdm/std.py:1347", "tqdm/std.py:1089", "tests/tests_contrib.py:23", "tests/tests_contrib.py:-",
            ])
    }

    @Test func python_traceback_mostRecentCallLast() {
        let log = """
            Traceback (most recent call last):
              File "/home/runner/work/shop/shop/tests/test_cart.py", line 14, in test_total
                self.assertEqual(cart.total(), 30)
              File "/home/runner/work/shop/shop/shop/cart.py", line 22, in total
                return sum(self._prices())
              File "/home/runner/work/shop/shop/shop/pricing.py", line 8, in _prices
                return [item.price * item.qty for item in self.items]
              File "/usr/lib/python3.12/decimal.py", line 40, in __mul__
            TypeError: unsupported operand type(s) for *: 'NoneType' and 'int'
            """
        let files = ["shop/cart.py", "shop/pricing.py", "tests/test_cart.py"]
        #expect(ranked(log, files) == ["shop/cart.py:22", "shop/pricing.py:8", "tests/test_cart.py:14"])
    }

    @Test func java_junit_innermostFirst_packagesNameTheDirectories() {
        let log = """
            [ERROR] testParsesDates(com.acme.time.ParserTest)  Time elapsed: 0.012 s  <<< FAILURE!
            java.lang.NumberFormatException: For input string: "2024-13"
            \tat java.base/java.lang.NumberFormatException.forInputString(NumberFormatException.java:67)
            \tat java.base/java.lang.Integer.parseInt(Integer.java:668)
            \tat com.acme.time.Fields.month(Fields.java:31)
            \tat com.acme.time.Parser.parse(Parser.java:54)
            \tat com.acme.time.ParserTest.testParsesDates(ParserTest.java:19)
            \tat org.junit.runners.model.FrameworkMethod$1.runReflectiveCall(FrameworkMethod.java:59)
            """
        let files = [
            "src/main/java/com/acme/time/Fields.java", "src/main/java/com/acme/time/Parser.java", "src/test/java/com/acme/time/ParserTest.java",
        ]
        #expect(
            ranked(log, files) == [
                "src/main/java/com/acme/time/Parser.java:54", "src/main/java/com/acme/time/Fields.java:31",
                "src/test/java/com/acme/time/ParserTest.java:19",
            ])
    }

    @Test func node_jest_innermostFirst_nodeInternalsAndPackagesLeftOut() {
        let log = """
            ● slugify › keeps unicode letters

                TypeError: Cannot read properties of undefined (reading 'normalize')

                  at normalize (src/text/normalize.js:7:17)
                  at slugify (src/slugify.js:12:10)
                  at Object.<anonymous> (test/slugify.test.js:9:12)
                  at Promise.then.completed (node_modules/jest-circus/build/utils.js:298:28)
                  at processTicksAndRejections (node:internal/process/task_queues:95:5)
            """
        let files = ["src/slugify.js", "src/text/normalize.js", "test/slugify.test.js", "package.json"]
        #expect(ranked(log, files) == ["src/slugify.js:12", "src/text/normalize.js:7", "test/slugify.test.js:9"])
    }

    @Test func go_panicInATest_goroutineStackInnermostFirst() {
        let log = """
            --- FAIL: TestLookup (0.00s)
            panic: runtime error: index out of range [3] with length 3 [recovered]
            \tpanic: runtime error: index out of range [3] with length 3

            goroutine 7 [running]:
            testing.tRunner.func1.2({0x5a1b20, 0xc000014168})
            \t/opt/hostedtoolcache/go/1.22.1/x64/src/testing/testing.go:1631 +0x24a
            github.com/acme/kv/internal/store.(*Table).slot(...)
            \t/home/runner/work/kv/kv/internal/store/table.go:48
            github.com/acme/kv/internal/store.(*Table).Get(0xc00007e0c0, {0x5c3a0e, 0x3})
            \t/home/runner/work/kv/kv/internal/store/table.go:30 +0x9d
            github.com/acme/kv.Lookup(...)
            \t/home/runner/work/kv/kv/kv.go:15
            github.com/acme/kv.TestLookup(0xc000007860)
            \t/home/runner/work/kv/kv/kv_test.go:11 +0x45
            """
        let files = ["kv.go", "kv_test.go", "internal/store/table.go", "go.mod"]
        #expect(ranked(log, files) == ["kv.go:15", "internal/store/table.go:48", "internal/store/table.go:30", "kv_test.go:11"])
    }

    @Test func rust_backtrace_innermostFirst_toolchainFramesLeftOut() {
        let log = """
            ---- tests::parses_port stdout ----
            thread 'tests::parses_port' panicked at src/config.rs:41:37:
            called `Option::unwrap()` on a `None` value
            stack backtrace:
               0: rust_begin_unwind
                         at /rustc/07dca489ac2d933c78d3c5158e3f43beefeb02ce/library/std/src/panicking.rs:645:5
               1: core::option::unwrap_failed
                         at /rustc/07dca489ac2d933c78d3c5158e3f43beefeb02ce/library/core/src/option.rs:1985:5
               2: app::config::port
                         at ./src/config.rs:41:37
               3: app::config::Config::load
                         at ./src/config.rs:18:20
               4: app::tests::parses_port
                         at ./src/tests/config_tests.rs:9:19
            """
        let files = ["src/config.rs", "src/main.rs", "src/tests/config_tests.rs", "Cargo.toml"]
        #expect(ranked(log, files) == ["src/config.rs:18", "src/config.rs:41", "src/tests/config_tests.rs:9"])
    }

    @Test func ruby_rspec_innermostFirst() {
        let log = """
            Failures:

              1) Invoice#total adds tax
                 Failure/Error: (subtotal * rate).round(2)

                 NoMethodError:
                   undefined method `*' for nil
                 # ./lib/invoice/tax.rb:12:in `apply'
                 # ./lib/invoice.rb:20:in `total'
                 # ./spec/invoice_spec.rb:8:in `block (3 levels) in <top (required)>'
            """
        let files = ["lib/invoice.rb", "lib/invoice/tax.rb", "spec/invoice_spec.rb"]
        #expect(ranked(log, files) == ["lib/invoice.rb:20", "lib/invoice/tax.rb:12", "spec/invoice_spec.rb:8"])
    }

    @Test func swift_xctestAssertion_onlyTheTestIsNamed() {
        let log = """
            Test Case '-[CalcTests.CalcTests testAdds]' started.
            /home/runner/work/calc/calc/Tests/CalcTests/CalcTests.swift:9: error: -[CalcTests.CalcTests testAdds] : XCTAssertEqual failed: ("4") is not equal to ("5")
            Test Case '-[CalcTests.CalcTests testAdds]' failed (0.001 seconds).
            """
        let files = ["Sources/Calc/Calc.swift", "Tests/CalcTests/CalcTests.swift", "Package.swift"]
        #expect(ranked(log, files) == ["Tests/CalcTests/CalcTests.swift:9"])
    }

    @Test func jvm_classLoaderPrefixes_andALibraryClassSharingAProjectFilesName() {
        let log = """
            java.lang.IllegalStateException: empty
            \tat org.apache.commons.lang3.StringUtils.join(StringUtils.java:4)
            \tat app//com.acme.web.Controller.render(Controller.java:40)
            \tat app//com.acme.web.ControllerTest.renders(ControllerTest.java:12)
            """
        let files = [
            "src/main/java/com/acme/util/StringUtils.java", "src/main/java/com/acme/web/Controller.java",
            "src/main/java/com/acme/admin/Controller.java", "src/test/java/com/acme/web/ControllerTest.java",
        ]
        #expect(ranked(log, files) == ["src/main/java/com/acme/web/Controller.java:40", "src/test/java/com/acme/web/ControllerTest.java:12"])
    }

    @Test func pathsOutsideTheCheckout_andAmbiguousBareNames_resolveToNothing() {
        let files = TrackedFiles([
            "client.go", "src/lib.rs", "a/util.py", "b/util.py", "src/main/java/com/acme/Calc.java", "fixtures/src/main/java/com/acme/Calc.java",
        ])
        #expect(files.resolve("/home/runner/go/pkg/mod/github.com/x/y@v1.2.0/client.go") == nil)
        #expect(files.resolve("/home/user/.cargo/registry/src/index/foo-1.0/src/lib.rs") == nil)
        #expect(files.resolve("util.py") == nil)
        #expect(files.resolve("com/acme/Calc.java") == "src/main/java/com/acme/Calc.java")
        #expect(files.resolve("repo/a/util.py") == "a/util.py")
        #expect(LocationFinder.relative("/opt/actions-runner/_work/app/app/src/lib.rs") == "src/lib.rs")
        #expect(LocationFinder.relative("/home/travis/build/acme/app/a/util.py") == "a/util.py")
    }

    @Test func twoErrors_theirCalledFramesComeBeforeEitherDeepestFrame() {
        let first = [CodeLocation(file: "src/a.js", line: 3), CodeLocation(file: "src/b.js", line: 5), CodeLocation(file: "test/a.test.js", line: 1)]
        let second = [CodeLocation(file: "src/c.js", line: 7), CodeLocation(file: "src/d.js", line: 9), CodeLocation(file: "test/c.test.js", line: 2)]
        let files = ["src/a.js", "src/b.js", "src/c.js", "src/d.js", "test/a.test.js", "test/c.test.js"]
        #expect(
            FrameRanking.ranked([first, second], files: TrackedFiles(files)).map(\.path) == [
                "src/b.js", "src/d.js", "src/a.js", "src/c.js", "test/a.test.js", "test/c.test.js",
            ])
    }
}
