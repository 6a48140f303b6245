import Foundation

/// The ordered rule set: log formats of the common ecosystems, by what their failure lines look like.
enum ExtractionRules {
    /// Specific shapes first: a timeout or cancellation is also an `##[error]` annotation, and a
    /// `SyntaxError` is also a Python exception, but they say more.
    static let all: [ExtractionRule] =
        infra.filter { $0.kind == .timeout || $0.kind == .cancelled }
        + structured + builds.filter { $0.id == "syntax.error" } + tests + builds.filter { $0.id != "syntax.error" }
        + infra.filter { $0.kind != .timeout && $0.kind != .cancelled } + generic

    /// GitHub Actions workflow commands and annotations.
    static let structured: [ExtractionRule] = [
        ExtractionRule(
            id: "gha.error-annotation", kind: .unknown, weight: 9, needles: ["##[error]", "::error"],
            accepts: { !$0.has("Process completed with exit code") }),
        // GitHub's epilogue for any failing step: says that, not why.
        ExtractionRule(id: "gha.exit-code", kind: .unknown, weight: 1, needles: ["Process completed with exit code"]),
    ]

    static let tests: [ExtractionRule] = [
        ExtractionRule(id: "pytest.failed-summary", kind: .test, weight: 8, needles: ["FAILED "], accepts: ExtractionRule.starts(["FAILED "])),
        // pytest's section banners: `===== FAILURES =====`, `===== ERRORS =====`, then the first failing test's heading.
        ExtractionRule(
            id: "pytest.failures-section", kind: .test, weight: 8, needles: [" FAILURES =", " ERRORS ="],
            accepts: { $0.hasPrefix("===") && ($0.has(" FAILURES ===") || $0.has(" ERRORS ===")) },
            section: ["warnings summary", "short test summary info", " failed in ", " failed, ", " error in ", " errors in ", "= ERRORS =", "= FAILURES ="]),
        ExtractionRule(id: "pytest.assertion-line", kind: .test, weight: 7, needles: ["E  "], accepts: ExtractionRule.starts(["E  "])),
        // minitest: `Failure:` / `Error:` headings over the test and its message.
        ExtractionRule(
            id: "minitest.failure", kind: .test, weight: 7, needles: ["Failure:", "Error:"],
            accepts: { ["Failure:", "Error:"].contains($0.trimmingCharacters(in: .whitespaces)) }, paragraph: true),
        ExtractionRule(
            id: "python.exception", kind: .test, weight: 7, needles: ["Error: ", "Error:", "Exception: ", "Exception"],
            accepts: { line in
                let head = line.split(separator: ":", maxSplits: 1).first ?? ""
                return !head.contains(" ") && (head.hasSuffix("Error") || head.hasSuffix("Exception"))
            }),
        ExtractionRule(id: "python.traceback", kind: .test, weight: 5, needles: ["Traceback (most recent call last)"]),
        ExtractionRule(
            id: "go.test-fail", kind: .test, weight: 8, needles: ["--- FAIL", "FAIL\t", "panic: ", "=== FAIL"],
            // gotestsum's summary repeats each failure as `=== FAIL: pkg TestName`.
            accepts: ExtractionRule.starts(["--- FAIL", "FAIL\t", "panic: ", "=== FAIL"])),
        ExtractionRule(id: "jest.failed-test", kind: .test, weight: 8, needles: ["● ", "FAIL "], accepts: ExtractionRule.starts(["● ", "FAIL "])),
        ExtractionRule(
            id: "rspec.failure", kind: .test, weight: 8, needles: ["Failure/Error:", "rspec ./"],
            accepts: ExtractionRule.starts(["Failure/Error:", "rspec ./"])),
        ExtractionRule(
            id: "junit.failures", kind: .test, weight: 7, needles: ["Tests run:", "Failed tests:", "Tests in error:"],
            accepts: { $0.has("Failed tests:") || $0.has("Tests in error:") || ($0.has("Tests run:") && ($0.has("<<< FAIL") || $0.has("FAILURE"))) },
            // Surefire lists a class's failing tests under its verdict, until the next class or the results.
            section: ["Running ", "Results :", "Tests run: ", "Tests in error:", "Failed tests:"]),
        ExtractionRule(
            id: "xunit.assert", kind: .test, weight: 6,
            needles: ["AssertionError", "AssertionFailedError", "ComparisonFailure", "expected:<", "Expected:", "Assert."]),
        ExtractionRule(
            id: "phpunit.failures", kind: .test, weight: 7, needles: ["There was 1 failure", "There was 1 error", "There were ", "FAILURES!"],
            accepts: { !$0.has("There were ") || $0.has("failures") || $0.has("errors") },
            section: ["FAILURES!", "ERRORS!", "There were ", "There was ", "OK, but incomplete"]),
        ExtractionRule(id: "tap.not-ok", kind: .test, weight: 7, needles: ["not ok "], accepts: ExtractionRule.starts(["not ok "])),
        // XCTest and Quick/Nimble: `error: -[Suite test] : XCTAssertEqual failed`, `expected to …, got …`.
        ExtractionRule(
            id: "xctest.failure", kind: .test, weight: 7, needles: ["XCTAssert", "XCTFail", "expected to ", "Test Case '-["],
            accepts: { $0.has("failed") || $0.has("expected to ") && $0.has(", got ") }),
        // mocha: numbered failure headings (`  1) suite`) and their `Error:` lines.
        ExtractionRule(
            id: "mocha.failure", kind: .test, weight: 6, needles: [") "],
            accepts: { line in
                line.range(of: #"^\s*\d{1,3}\) (\S|\s*$)"#, options: .regularExpression) != nil
            }),
        // mocha's `  5 failing` heads the list of failures, which runs as far as its indentation.
        ExtractionRule(
            id: "mocha.failing", kind: .test, weight: 7, needles: [" failing"],
            accepts: { line in
                line.range(of: #"^\s*\d+ failing\s*$"#, options: .regularExpression) != nil
            }, list: true),
        // scalatest (`*** FAILED ***`), Gradle/JUnit (`Class > test FAILED`), Karma (`Browser suite FAILED`), and
        // pytest's verbose verdict beside a node id (`tests/t.py::test_a FAILED [ 50%]`, xdist's `[gw1] [ 88%] FAILED tests/t.py::test_a`).
        ExtractionRule(
            id: "test.failed-verdict", kind: .test, weight: 7, needles: ["*** FAILED ***", " FAILED"],
            accepts: {
                $0.has("*** FAILED ***") || $0.hasSuffix(" FAILED") && !$0.hasPrefix("FAILED") || $0.has("::") && $0.has(" FAILED ")
            }),
        // A verdict alone on its line (Ant's JUnit formatter: `Testcase: testX took 0.1 sec`, then `\tFAILED` or
        // `\tCaused an ERROR`) names nothing: the line above names the test, the paragraph below says why.
        ExtractionRule(
            id: "test.bare-verdict", kind: .test, weight: 7, needles: ["FAILED", "Caused an ERROR"],
            accepts: { ["FAILED", "Caused an ERROR"].contains($0.trimmingCharacters(in: .whitespaces)) }, paragraph: true,
            headAbove: true),
        // R CMD check: the test step's verdict and the tail of its output.
        ExtractionRule(
            id: "r.check-tests", kind: .test, weight: 7,
            needles: ["Running the tests in", "checking tests ...", "Last 13 lines of output", "lines of output:"],
            accepts: { $0.has("failed") || $0.has("ERROR") || $0.has("lines of output") }),
        // Pester (PowerShell): `[-] name -> message` for a failed test.
        ExtractionRule(id: "pester.failed", kind: .test, weight: 7, needles: ["[-] "], accepts: ExtractionRule.starts(["[-] "]), paragraph: true),
        ExtractionRule(
            id: "exunit.failure", kind: .test, weight: 6, needles: ["** (", "test failed", "tests, "],
            accepts: { $0.has("** (") || $0.has(" failure") && !$0.has(" 0 failures") }),
        // googletest and busted: `[  FAILED  ] Suite.test (3 ms)`, `[  ERROR   ] 9 errors, listed below:`.
        ExtractionRule(id: "gtest.failed", kind: .test, weight: 8, needles: ["[  FAILED  ]", "[  ERROR   ]"]),
        // A test list with a verdict column: tasty's `    tables:      FAIL (0.06s)` (the diff indented
        // below it), shell suites' `text-objects/lexer         FAIL`.
        ExtractionRule(
            id: "test.fail-column", kind: .test, weight: 7, needles: [" FAIL"],
            accepts: { line in
                line.range(of: #"\S(:\s+|\s{2,})FAIL( \([0-9.]+m?s\))?\s*$"#, options: .regularExpression) != nil
            }),
        // Something inside the run gave up waiting (`WaitFor() timed out after 5000 msec`): a failure, not the job's limit.
        ExtractionRule(id: "timeout.message", kind: .test, weight: 5, needles: ["timed out", "Timed out", "TIMED OUT", "TimeoutException"]),
        // The `Failures:` heading of rspec, Jasmine and Vim's test report, and the JUnit Platform console's
        // `Failures (3):`: the failures follow, up to the run's verdict.
        ExtractionRule(
            id: "failures.heading", kind: .test, weight: 8, needles: ["Failures:", "Failures ("],
            accepts: { line in
                let heading = line.trimmingCharacters(in: .whitespaces)
                return heading == "Failures:" || heading.range(of: #"^Failures \(\d+\):$"#, options: .regularExpression) != nil
            },
            section: ["TEST FAILURE", "Finished in ", "Failed examples:", "Executed ", "Test run finished after"]),
        // unittest and nose: `FAIL: test_x (module.Case)` under a `====` rule, its traceback up to the next rule or `Ran N tests`.
        ExtractionRule(
            id: "unittest.failure", kind: .test, weight: 8, needles: ["FAIL: ", "ERROR: "],
            accepts: { $0.range(of: #"^(FAIL|ERROR): [\w.\[\]-]+( \([\w.]+\))?\s*$"#, options: .regularExpression) != nil },
            section: ["======================================================================", "Ran "], headingNamesFailure: true),
        // Vader (Vim): `Success/Total: 137/138` is a failure when the two differ.
        ExtractionRule(
            id: "vader.summary", kind: .test, weight: 7, needles: ["Success/Total: "],
            accepts: { line in
                guard let range = line.range(of: #"Success/Total: (\d+)/(\d+)"#, options: .regularExpression) else { return false }
                let counts = line[range].dropFirst("Success/Total: ".count).split(separator: "/")
                return counts.count == 2 && counts[0] != counts[1]
            }),
        // Runners that mark a failed example with a cross before its name (Quick/Nimble `✗`, node:test `✖`, Swift
        // Testing `✘`, vitest `×`, jest `✕`). A cross before a count is a linter's total (`✖ 3 problems`).
        ExtractionRule(
            id: "test.cross-mark", kind: .test, weight: 6, needles: ["✗", "✖", "✘", "×", "✕"],
            accepts: { line in
                let trimmed = line.drop { $0 == " " || $0 == "\t" }
                guard let mark = trimmed.first, "✗✖✘×✕".contains(mark) else { return false }
                let name = trimmed.dropFirst().drop { $0 == " " }
                return name.first.map { !$0.isNumber } ?? false
            }),
        // Erlang common_test: `SUITE:case failed on line 195` then `Reason: …`.
        ExtractionRule(id: "ct.failed", kind: .test, weight: 7, needles: ["failed on line"], until: ["Reason: "], reach: 3),
    ]

    static let builds: [ExtractionRule] = [
        ExtractionRule(
            id: "compiler.diagnostic", kind: .build, weight: 8, needles: [": error:", ": fatal error:", "error[E", ": error TS", "error CS", ": Error:"]),
        // The linker's and javac's missing symbols, Ruby's NoMethodError (`undefined method `x' for nil`), a missing file;
        // prose about them (a changelog's "Fix undefined method error") names no symbol.
        ExtractionRule(
            id: "compiler.undefined", kind: .build, weight: 7,
            needles: ["undefined reference", "cannot find symbol", "undefined method", "not found in scope", "No such file or directory"],
            accepts: { line in
                !line.has("undefined method") || line.has("undefined method `") || line.has("undefined method '") || line.has("undefined method ‘")
            }),
        // Erlang compiler: `src/mod.erl:91: field x undefined in record y` (no `error:` word).
        ExtractionRule(
            id: "erlang.diagnostic", kind: .build, weight: 7, needles: [".erl:", ".hrl:"],
            accepts: { line in
                line.range(of: #"^\S+\.[eh]rl:\d+: "#, options: .regularExpression) != nil && !line.has("Warning:")
            }),
        // xcpretty: `❌  path:line:col: message`.
        ExtractionRule(id: "xcpretty.error", kind: .build, weight: 7, needles: ["❌"], accepts: ExtractionRule.starts(["❌"])),
        // sbt: `[error] path:line:col: message`.
        ExtractionRule(
            id: "sbt.error", kind: .build, weight: 6, needles: ["[error]"],
            accepts: { line in
                line.hasPrefix("[error] ") && !line.has("Total time") && !line.has("(Compile / compileIncremental)") && line.count > 9
            }),
        ExtractionRule(
            id: "maven.error", kind: .build, weight: 6, needles: ["[ERROR]"],
            accepts: { !$0.has("[ERROR] -> [Help") && !$0.hasSuffix("[ERROR] ") && !$0.has("Re-run Maven") && !$0.has("full stack trace") }),
        ExtractionRule(id: "gradle.failure", kind: .build, weight: 6, needles: ["FAILURE: Build failed", "BUILD FAILED", "What went wrong"]),
        ExtractionRule(
            id: "make.error", kind: .build, weight: 5, needles: ["make: ***", "make[", "ninja: build stopped", "CMake Error"],
            accepts: { $0.has("***") || $0.has("Error") || $0.has("stopped") }),
        ExtractionRule(
            id: "lint.violation", kind: .lint, weight: 6, needles: [": E", ": W", ": F", ": C", ": R", " error ", "✖"],
            accepts: { line in
                line.has(" problem") || line.range(of: #":\d+:\d+: [EWF]\d{3}"#, options: .regularExpression) != nil
                    // rubocop: `path:1:1: C: Style/FrozenStringLiteralComment: …`
                    || line.range(of: #":\d+:\d+: [CWERF]: [A-Z][A-Za-z]+/"#, options: .regularExpression) != nil
                    || line.range(of: #"^\s+\d+:\d+\s+error\s"#, options: .regularExpression) != nil
            }),
        ExtractionRule(
            id: "package.error", kind: .dependency, weight: 6,
            needles: ["npm ERR!", "yarn error", "error Command failed", "ERROR: Could not", "Gem::", "Bundler::", "could not resolve", "Could not resolve"],
            accepts: { !ExtractionRules.isEpilogue($0) }),
        // Composer: `Your requirements could not be resolved…`, then `Problem 1` and its `- …` lines.
        ExtractionRule(
            id: "composer.unresolvable", kind: .dependency, weight: 7, needles: ["could not be resolved to an installable set", "Problem "],
            accepts: { line in
                line.has("could not be resolved") || line.trimmingCharacters(in: .whitespaces).range(of: #"^Problem \d+$"#, options: .regularExpression) != nil
            }),
        // GHC: `src/A.hs:94:10: Warning:` / `error:` with the indented explanation after it.
        ExtractionRule(
            id: "ghc.diagnostic", kind: .build, weight: 7, needles: [".hs:", ".lhs:"],
            accepts: { line in
                line.range(of: #"\.l?hs:\d+:\d+(-\d+)?: ([Ee]rror|[Ww]arning)"#, options: .regularExpression) != nil
            }),
        // awesome_bot (link checker): `Issues :-(` heads the broken links and duplicates, up to where it writes its results.
        ExtractionRule(id: "awesome-bot.issues", kind: .lint, weight: 7, needles: ["Issues :-("], section: ["Wrote results to"]),
        // Prettier's verdict (the files it lists are the lines before it).
        ExtractionRule(
            id: "prettier.check", kind: .lint, weight: 6, needles: ["Code style issues found", "[warn] ", "(prettier/prettier)"],
            accepts: { line in
                // Prettier lists bare file names (`[warn] src/app.css`); sbt's `[warn]` lines say more.
                line.has("Code style issues") || line.has("(prettier/prettier)")
                    || line.range(of: #"^\[warn\] \S+\.\w+\s*$"#, options: .regularExpression) != nil
            }),
        ExtractionRule(
            id: "syntax.error", kind: .build, weight: 7, needles: ["SyntaxError", "ParseError", "syntax error"],
            accepts: { !$0.hasSuffix(" OK") && !$0.hasSuffix("... OK") }),
    ]

    static let infra: [ExtractionRule] = [
        // A job's time limit (GitHub's maximum execution time, Travis's silence and time limits).
        ExtractionRule(
            id: "gha.timeout", kind: .timeout, weight: 8,
            needles: ["has exceeded the maximum execution time", "No output has been received in the last", "exceeded the maximum time limit for jobs"]),
        // GNU timeout(1) exits 124; wrappers say so (`Command took >30min, returning 124`).
        ExtractionRule(
            id: "timeout.exit-124", kind: .timeout, weight: 8, needles: ["returning 124", "exit code 124", "exit status 124", "exited with 124"],
            accepts: { $0.has("returning 124") || $0.has("exit code 124") || $0.has("exit status 124") || $0.has("exited with 124") }),
        // pytest's banner when a run is interrupted (a watchdog's SIGINT, a cancelled job).
        ExtractionRule(id: "pytest.interrupted", kind: .cancelled, weight: 8, needles: ["KeyboardInterrupt"], accepts: { $0.has("!!!!") }),
        ExtractionRule(
            id: "gha.cancelled", kind: .cancelled, weight: 8, needles: ["The operation was canceled", "received a shutdown signal", "was cancelled"]),
        // AddressSanitizer/LeakSanitizer/ThreadSanitizer reports and UBSan's `runtime error:` lines.
        ExtractionRule(
            id: "sanitizer.report", kind: .infra, weight: 9, needles: ["Sanitizer:", "runtime error: "],
            accepts: { line in
                line.has("==ERROR: ") || line.has("WARNING: ThreadSanitizer") || line.has("SUMMARY: ") || line.has(": runtime error: ")
            }, until: ["==ABORTING"]),
        ExtractionRule(
            id: "process.crash", kind: .infra, weight: 6, needles: ["Segmentation fault", "Killed", "core dumped", "No space left on device", "signal "],
            accepts: { $0.has("Segmentation fault") || $0.has("core dumped") || $0.has("No space left") || $0.hasPrefix("Killed") || $0.has("Killed signal") }),
        ExtractionRule(
            id: "git.dirty-checkout", kind: .infra, weight: 6,
            needles: ["checkout dirty", "working tree is dirty", "uncommitted changes", "repository is dirty"]),
        ExtractionRule(id: "git.fatal", kind: .infra, weight: 5, needles: ["fatal: "], accepts: ExtractionRule.starts(["fatal: "])),
    ]

    /// A package manager's or runner's closing words for a failing script: they say that it failed, not why.
    static func isEpilogue(_ line: String) -> Bool {
        if line.hasPrefix("npm ERR!") {
            let rest = line.dropFirst(8).drop { $0 == " " }
            // `npm ERR! pkg@1.2.3 test: \`mocha\`` names the script that failed.
            if let space = rest.firstIndex(of: " "), rest[..<space].contains("@"), rest[..<space].hasSuffix(":") == false,
                rest[space...].dropFirst().contains(": ") || rest[space...].hasSuffix(":")
            {
                return true
            }
            return rest.isEmpty || npmEpilogue.contains { line.has($0) }
        }
        if isMakeEpilogue(line) { return true }
        return line.has("error Command failed with exit code") || line.hasPrefix("info Visit https://yarnpkg.com")
            || line.hasPrefix("travis_time:") || line.hasPrefix("Done. Your build exited")
            // npm-run-all: `ERROR: "lint" exited with 1.`
            || line.hasPrefix("ERROR: \"") && line.has("\" exited with ")
    }

    /// The first line of an epilogue: the script's own output ends right above it.
    static func opensEpilogue(_ line: String) -> Bool {
        line.has("error Command failed with exit code") || line.hasPrefix("npm ERR!") && (line.has("ELIFECYCLE") || line.has("Test failed"))
            || isMakeEpilogue(line) && !line.has("Leaving directory")
    }

    /// make's and ninja's report that a recipe failed (`make[1]: *** [prove] Error 1`, `Makefile:52: recipe
    /// for target 'prove' failed`, `ninja: build stopped`), and make leaving the directory after it.
    static func isMakeEpilogue(_ line: String) -> Bool {
        guard line.hasPrefix("make") || line.has("recipe for target") || line.hasPrefix("ninja: ") else { return false }
        return line.has(": *** ") || line.has("recipe for target") || line.hasPrefix("ninja: build stopped")
            || line.hasPrefix("make") && line.has(": Leaving directory")
    }

    static let npmEpilogue = [
        "A complete log", "npm ERR!     /", "Failed at the", "Test failed", "ELIFECYCLE", "npm ERR! errno", "This is probably not a problem",
        "Exit status", "npm ERR! code 1", "not with npm itself", "Tell the author", "You can get their info", "There is likely additional logging",
        "If you do, this is most likely a problem", "npm owner ls", "npm bugs",
    ]

    /// The keyword window: weak, but it catches formats no rule names.
    static let generic: [ExtractionRule] = [
        ExtractionRule(
            id: "generic.error", kind: .unknown, weight: 3, needles: ["error", "Error", "ERROR"],
            accepts: { line in
                let lower = line.lowercased()
                // A test named after errors that passed (`t4019-diff-wserror.sh ..... ok`) is not one.
                if lower.hasSuffix(" ok") || lower.has(" ok ") || lower.has("passed") { return false }
                // Counters (`Cache read errors    0`).
                if lower.hasSuffix(" 0"), lower.has("errors") { return false }
                guard lower.hasProseWord("error") else { return false }
                return !lower.has("0 error") && !lower.has("errors: 0") && !lower.has("exited with") && !lower.has("-error") && !lower.has("error_")
                    && !lower.has("werror") && !lower.has("warning")
            }),
        ExtractionRule(
            id: "generic.failed", kind: .unknown, weight: 2.5, needles: ["FAILED", "failed", "Failed", "FAILURE", "failure"],
            accepts: { line in
                let lower = line.lowercased()
                guard lower.hasProseWord("failed") || lower.hasProseWord("failure") else { return false }
                return !lower.has("0 failed") && !lower.has("failures: 0") && !lower.has("allow_failure")
            }),
        ExtractionRule(id: "travis.command-exited", kind: .unknown, weight: 1, needles: ["exited with"], accepts: { $0.has("The command \"") }),
    ]
}
