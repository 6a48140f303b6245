import Foundation

/// How test files, test definitions, skips and assertions look across the common ecosystems.
enum TestFiles {
    static func isTestPath(_ path: String) -> Bool {
        let lower = path.lowercased()
        let name = lower.split(separator: "/").last.map(String.init) ?? lower
        let directories = ["test/", "tests/", "spec/", "specs/", "__tests__/", "testing/"]
        if directories.contains(where: { lower.hasPrefix($0) || lower.contains("/\($0)") }) { return true }
        return name.hasPrefix("test_") || name.contains("_test.") || name.contains(".test.") || name.contains(".spec.")
            || name.contains("_spec.") || name.hasSuffix("tests.swift") || name.hasSuffix("test.java") || name.hasSuffix("tests.cs")
            || name.hasSuffix("test.kt") || name.hasSuffix("_tests.rs")
    }

    static func isTestDefinition(_ line: String) -> Bool {
        let text = line.trimmingCharacters(in: .whitespaces)
        return text.hasPrefix("def test") || text.hasPrefix("async def test") || text.hasPrefix("func test") || text.hasPrefix("func Test")
            || text.hasPrefix("it(") || text.hasPrefix("test(") || text.hasPrefix("it \"") || text.hasPrefix("it '")
            || text.hasPrefix("@Test") || text.hasPrefix("#[test]") || text.hasPrefix("[Fact") || text.hasPrefix("[Test")
    }

    static func isSkip(_ line: String) -> Bool {
        let text = line.trimmingCharacters(in: .whitespaces)
        let markers = ["@pytest.mark.skip", "@pytest.mark.xfail", "@unittest.skip", "pytest.skip(", "self.skipTest(", "it.skip(", "test.skip(",
                       "describe.skip(", "xit(", "xdescribe(", "xtest(", "@Disabled", "@Ignore", "t.Skip(", "t.SkipNow(", "#[ignore]",
                       "XCTSkip", "skip \"", "pending(", "[Ignore", "@skip", ".only("]
        return markers.contains { text.contains($0) }
    }

    static func isAssertion(_ line: String) -> Bool {
        let text = line.trimmingCharacters(in: .whitespaces)
        let markers = ["assert", "expect(", "XCTAssert", "#expect(", "t.Error", "t.Fatal", "require.", "should", "refute", "ok("]
        return markers.contains { text.hasPrefix($0) || text.contains(" \($0)") || text.contains(".\($0)") }
    }

    /// Assertions that hold whatever the code does (`assert True`, `expect(true).toBe(true)`).
    static func isVacuousAssertion(_ line: String) -> Bool {
        var text = line.replacingOccurrences(of: " ", with: "")
        if let comment = text.firstIndex(of: "#"), !text.hasPrefix("#expect") { text = String(text[..<comment]) }
        while text.hasSuffix(";") { text.removeLast() }
        let vacuous: Set<String> = [
            "assertTrue", "assert1", "assert(True)", "self.assertTrue(True)", "assertTrue(true)", "expect(true).toBe(true)",
            "XCTAssertTrue(true)", "#expect(true)", "assert!(true)", "assert_eq!(1,1)", "assert.ok(true)", "assert(true)",
        ]
        return vacuous.contains(text)
    }
}
