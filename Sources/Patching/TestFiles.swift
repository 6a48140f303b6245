import Foundation

/// How test files, test definitions, skips and assertions look across the common ecosystems.
public enum TestFiles {
    public static func isTestPath(_ path: String) -> Bool {
        let lower = path.lowercased()
        let name = lower.split(separator: "/").last.map(String.init) ?? lower
        let directories = ["test/", "tests/", "spec/", "specs/", "__tests__/", "testing/", "t/"]
        if directories.contains(where: { lower.hasPrefix($0) || lower.contains("/\($0)") }) { return true }
        return name.hasPrefix("test_") || name.hasPrefix("test.") || name.hasPrefix("tests.") || name.contains("_test.") || name.contains("_tests.")
            || name.contains(".test.") || name.contains(".spec.") || name.contains("_spec.") || name.hasSuffix("tests.swift")
            || name.hasSuffix("test.java") || name.hasSuffix("tests.cs") || name.hasSuffix("test.kt") || name.hasSuffix("test.php")
            || name == "conftest.py"
    }

    static func isTestDefinition(_ line: String) -> Bool {
        let text = line.trimmingCharacters(in: .whitespaces)
        return text.hasPrefix("def test") || text.hasPrefix("async def test") || text.hasPrefix("func test") || text.hasPrefix("func Test")
            || text.hasPrefix("it(") || text.hasPrefix("test(") || text.hasPrefix("it \"") || text.hasPrefix("it '")
            || text.hasPrefix("@Test") || text.hasPrefix("#[test]") || text.hasPrefix("[Fact") || text.hasPrefix("[Test")
    }

    /// Ways to skip, expect to fail, deselect or narrow tests, in any file: source code has no business adding them either.
    static func isSkip(_ line: String) -> Bool {
        let text = line.trimmingCharacters(in: .whitespaces)
        let markers = [
            // Python
            "pytest.mark.skip", "pytest.mark.xfail", "pytest.skip(", "pytest.xfail(", "pytest.importorskip(", "pytestmark",
            "unittest.skip", "skipIf(", "skipUnless(", "expectedFailure", "SkipTest", "skipTest(", "def load_tests(",
            "pytest_collection_modifyitems", "pytest_ignore_collect", "collect_ignore", "__test__ = False", "__test__=False",
            // Hooks and plugins that rewrite outcomes or the report.
            "pytest_runtest_makereport", "pytest_runtest_logreport", "pytest_report_teststatus", "pytest_runtest_call", "pytest_runtest_protocol",
            "pytest_terminal_summary", "pytest_sessionfinish", "pytest_configure", "pytest_plugins", "pytest_collectreport",
            "addopts", "_pytest", "atexit.register", "os._exit(",
            // JavaScript
            "it.skip(", "test.skip(", "describe.skip(", ".only(", "it.todo(", "test.todo(",
            "this.skip()", "ctx.skip()", "test.fails(", "it.fails(", "it.runIf(", "test.runIf(", "describe.runIf(",
            ".skip.each", ".concurrent.skip", ".todo(", ".skipIf(",
            // Go, Rust, Swift, JVM, .NET, PHP
            "t.Skip(", "t.SkipNow(", "t.Skipf(", "#[ignore", "#[should_panic", "#[cfg(any())]", "//go:build ignore", "// +build ignore",
            "XCTSkip", "XCTExpectFailure", "withKnownIssue", ".disabled(", ".enabled(if:", "@Disabled", "@Ignore", "@EnabledOn", "@EnabledIf",
            "@DisabledOn", "@DisabledIf", "Assume.assume", "assumeTrue(", "assumeFalse(", "assumeThat(", "[Ignore", "(Skip =", "(Skip=",
            "markTestSkipped(", "markTestIncomplete(", "@group skip", "@skip", "@expectedFailure",
        ]
        // RSpec and friends: statements with a reason, not assignments such as `skip = 10`.
        if text.range(of: #"^(skip|pending|xit|xspecify|xcontext|xdescribe)\s*\(?\s*["']"#, options: .regularExpression) != nil { return true }
        // Jasmine/Jest's x-prefixed forms as whole words (`exit(` is not `xit(`); deleting a test by name.
        if text.range(of: #"(^|[^\w.])x(it|describe|test)\("#, options: .regularExpression) != nil { return true }
        if text.range(of: #"^del\s+test_\w+\s*$"#, options: .regularExpression) != nil { return true }
        return markers.contains { text.contains($0) }
    }

    static func isAssertion(_ line: String) -> Bool {
        let text = line.trimmingCharacters(in: .whitespaces)
        let markers = ["assert", "expect(", "XCTAssert", "#expect(", "#require(", "t.Error", "t.Fatal", "require.", "should", "refute", "ok(", "check("]
        return markers.contains { text.hasPrefix($0) || text.contains(" \($0)") || text.contains(".\($0)") }
    }

    /// A bare `return` added to a test: everything below it stops running.
    static func isEarlyReturn(_ line: String) -> Bool {
        let text = line.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: ";", with: "")
        return ["return", "return None", "return nil", "return true", "return True", "return 0", "sys.exit(0)", "os._exit(0)", "exit(0)", "process.exit(0)"]
            .contains(text)
    }

    /// Assertions that hold whatever the code does (`assert True`, `expect(true).toBe(true)`, `assert x == x`).
    static func isVacuousAssertion(_ line: String) -> Bool {
        var text = line.replacingOccurrences(of: " ", with: "")
        if let comment = text.firstIndex(of: "#"), !text.hasPrefix("#expect"), !text.hasPrefix("#require") { text = String(text[..<comment]) }
        while text.hasSuffix(";") { text.removeLast() }
        let vacuous: Set<String> = [
            "assertTrue", "assert1", "assert(True)", "assertnotFalse", "assertnotNone", "self.assertTrue(True)", "self.assertTrue(1)",
            "self.assertFalse(False)", "assertTrue(true)", "expect(true).toBe(true)", "expect(true).toBeTruthy()", "expect(1).toBe(1)",
            "XCTAssertTrue(true)", "XCTAssert(true)", "#expect(true)", "assert!(true)", "assert_eq!(1,1)", "assert.ok(true)", "assert(true)",
            "assert.equal(1,1)", "assertThat(true).isTrue()", "assertTrue(true)",
        ]
        if vacuous.contains(text) || text.hasPrefix("assertTrueor") || text.hasPrefix("assert1==1") { return true }
        return comparesWithItself(text)
    }

    /// `assert x == x`, `assertEqual(a, a)`, `expect(a).toBe(a)`, `XCTAssertEqual(a, a)`, `assert_eq!(a, a)`.
    static func comparesWithItself(_ text: String) -> Bool {
        if text.hasPrefix("assert"), let range = text.range(of: "==") {
            let left = text[text.index(text.startIndex, offsetBy: 6)..<range.lowerBound]
            let right = text[range.upperBound...]
            if !left.isEmpty, left.trimmingCharacters(in: CharacterSet(charactersIn: "(")) == right.trimmingCharacters(in: CharacterSet(charactersIn: ")")) {
                return true
            }
        }
        for call in [
            "assertEqual(", "assertEquals(", "XCTAssertEqual(", "assert_eq!(", "assert.equal(", "assert.strictEqual(", "assert.deepEqual(", "assertSame(",
        ] {
            guard let start = text.range(of: call), let end = text.lastIndex(of: ")"), start.upperBound < end else { continue }
            let arguments = text[start.upperBound..<end].split(separator: ",", maxSplits: 2).map(String.init)
            if arguments.count >= 2, arguments[0] == arguments[1] { return true }
        }
        if let open = text.range(of: "expect("), let close = text.range(of: ").to"), open.upperBound < close.lowerBound {
            let subject = text[open.upperBound..<close.lowerBound]
            if let argumentStart = text[close.upperBound...].firstIndex(of: "("), let argumentEnd = text.lastIndex(of: ")"), argumentStart < argumentEnd {
                let expected = text[text.index(after: argumentStart)..<argumentEnd]
                if !subject.isEmpty, subject == expected { return true }
            }
        }
        return false
    }
}
