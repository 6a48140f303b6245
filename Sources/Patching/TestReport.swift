import Foundation

/// What a test run's output says happened: counts by outcome and the tests it names, read from the
/// summaries of the common runners (pytest, unittest, jest/vitest, mocha, go test, cargo, RSpec,
/// Maven/Gradle). `recognized` is false when no summary was found: then only the exit status speaks.
public struct TestReport: Sendable, Hashable, Codable {
    public var passed = 0
    public var failed = 0
    /// Skipped, pending, ignored, expected failures, deselected: tests that exist but did not really run.
    public var notRun = 0
    public var failedTests: Set<String> = []
    /// Tests the output names as passed (verbose runners only; empty otherwise).
    public var passedTests: Set<String> = []
    public var recognized = false

    public init() {}

    /// Tests that ran to a verdict.
    public var ran: Int { passed + failed }

    public static func parse(_ output: String) -> TestReport {
        var report = TestReport()
        var summaries: [(passed: Int, failed: Int, notRun: Int)] = []
        var goCounts = (passed: 0, failed: 0, notRun: 0)
        var cargo = (passed: 0, failed: 0, notRun: 0, seen: false)
        var unittestRan: Int?
        // XCTest prints `Executed N tests, with M failures` per suite, the whole run's last; Swift Testing
        // `Test run with N tests … passed` or `… failed … with K issues`. One package can run both.
        var xctest: (passed: Int, failed: Int)?
        var swiftTesting: (passed: Int, failed: Int)?
        for raw in output.split(separator: "\n", omittingEmptySubsequences: true) {
            let line = String(raw).replacingOccurrences(of: "\r", with: "").replacingOccurrences(
                of: #"\x{1B}\[[0-9;]*m"#, with: "", options: .regularExpression)
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            names(trimmed, into: &report)
            if trimmed.hasPrefix("--- PASS: ") { goCounts.passed += 1 }
            if trimmed.hasPrefix("--- FAIL: ") { goCounts.failed += 1 }
            if trimmed.hasPrefix("--- SKIP: ") { goCounts.notRun += 1 }
            if trimmed.hasPrefix("test result: ") {
                let counts = numbers(trimmed)
                cargo.passed += counts["passed"] ?? 0
                cargo.failed += counts["failed"] ?? 0
                cargo.notRun += (counts["ignored"] ?? 0) + (counts["filtered out"] ?? 0)
                cargo.seen = true
            }
            if trimmed.hasPrefix("Ran "), trimmed.contains(" test"), let count = Int(trimmed.split(separator: " ")[1]) { unittestRan = count }
            if let ran = unittestRan, trimmed.hasPrefix("OK") || trimmed.hasPrefix("FAILED (") {
                let counts = numbers(trimmed.lowercased().replacingOccurrences(of: "=", with: " "), after: true)
                let failed = (counts["failures"] ?? 0) + (counts["errors"] ?? 0)
                let notRun = (counts["skipped"] ?? 0) + (counts["expected failures"] ?? 0)
                summaries.append((ran - failed - notRun, failed, notRun))
                unittestRan = nil
            }
            if trimmed.hasPrefix("Executed "), trimmed.contains(" test") {
                let counts = numbers(trimmed)
                let total = Int(trimmed.split(separator: " ")[1]) ?? 0
                let failed = counts["failure"] ?? counts["failures"] ?? 0
                xctest = (max(0, total - failed), failed)
            } else if let range = trimmed.range(of: "Test run with "), trimmed.contains(" test") {
                let total = Int(trimmed[range.upperBound...].split(separator: " ").first ?? "") ?? 0
                swiftTesting = trimmed.contains(" failed ") ? (0, max(total, 1)) : (total, 0)
            } else if let summary = summary(trimmed) {
                summaries.append(summary)
            }
        }
        if xctest != nil || swiftTesting != nil, summaries.isEmpty {
            report.passed = (xctest?.passed ?? 0) + (swiftTesting?.passed ?? 0)
            report.failed = (xctest?.failed ?? 0) + (swiftTesting?.failed ?? 0)
            report.recognized = true
        } else if let last = summaries.last {
            (report.passed, report.failed, report.notRun) = last
            report.recognized = true
        } else if cargo.seen {
            (report.passed, report.failed, report.notRun) = (cargo.passed, cargo.failed, cargo.notRun)
            report.recognized = true
        } else if goCounts.passed + goCounts.failed + goCounts.notRun > 0 {
            (report.passed, report.failed, report.notRun) = goCounts
            report.recognized = true
        }
        return report
    }

    /// pytest (`== 1 failed, 2 passed, 1 skipped in 0.1s ==`), jest (`Tests: 1 failed, 3 passed, 4 total`),
    /// RSpec (`5 examples, 1 failure, 2 pending`), Maven/Gradle (`Tests run: 5, Failures: 1, Errors: 0, Skipped: 1`), mocha.
    static func summary(_ line: String) -> (Int, Int, Int)? {
        let counts = numbers(line.replacingOccurrences(of: ":", with: ""))
        let isPytest =
            line.range(of: #"^=*\s*\d+ (passed|failed|skipped|xfailed|xpassed|deselected|errors?|warnings?)\b.* in [0-9.]+s"#, options: .regularExpression)
            != nil
        if isPytest {
            return (
                (counts["passed"] ?? 0) + (counts["xpassed"] ?? 0), (counts["failed"] ?? 0) + (counts["error"] ?? 0) + (counts["errors"] ?? 0),
                (counts["skipped"] ?? 0) + (counts["xfailed"] ?? 0) + (counts["deselected"] ?? 0)
            )
        }
        if line.hasPrefix("Tests:"), let total = counts["total"] {
            let failed = counts["failed"] ?? 0
            let passed = counts["passed"] ?? 0
            return (passed, failed, max(0, total - passed - failed))
        }
        if line.range(of: #"^\d+ examples?, \d+ failures?"#, options: .regularExpression) != nil {
            let examples = counts["examples"] ?? counts["example"] ?? 0
            let failed = counts["failures"] ?? counts["failure"] ?? 0
            let pending = counts["pending"] ?? 0
            return (examples - failed - pending, failed, pending)
        }
        if line.range(of: #"^(\[[A-Z]+\] )?Tests run: \d+, Failures: \d+, Errors: \d+, Skipped: \d+$"#, options: .regularExpression) != nil {
            let normalized = numbers(line.replacingOccurrences(of: ":", with: "").lowercased().replacingOccurrences(of: ",", with: ""), after: true)
            let run = normalized["tests run"] ?? 0
            let failed = (normalized["failures"] ?? 0) + (normalized["errors"] ?? 0)
            let skipped = normalized["skipped"] ?? 0
            return (run - failed - skipped, failed, skipped)
        }
        return nil
    }

    /// Test names the line reports as failed or passed.
    static func names(_ line: String, into report: inout TestReport) {
        func after(_ prefix: String, upTo stop: String? = nil) -> String? {
            guard line.hasPrefix(prefix) else { return nil }
            var rest = String(line.dropFirst(prefix.count))
            if let stop, let range = rest.range(of: stop) { rest = String(rest[..<range.lowerBound]) }
            let name = rest.trimmingCharacters(in: .whitespaces)
            return name.isEmpty ? nil : name
        }
        // unittest's verdict `FAILED (failures=1)` names no test.
        if let name = after("FAILED ", upTo: " - ") ?? after("ERROR ", upTo: " - ") ?? after("FAIL: ") ?? after("ERROR: ") ?? after("--- FAIL: ", upTo: " ("),
            !name.hasPrefix("("),
            // unittest's stand-in for a module it could not import (`ERROR: tests.t (unittest.loader._FailedTest.tests.t)`):
            // once the module imports, its tests run under their own names, so the stand-in names no test.
            !name.contains("unittest.loader._FailedTest")
        {
            report.failedTests.insert(name)
        }
        if let name = after("PASSED ") ?? after("--- PASS: ", upTo: " (") { report.passedTests.insert(name) }
        if line.hasSuffix(" PASSED") || line.contains(" PASSED ["), let name = line.split(separator: " ").first, name.contains("::") {
            report.passedTests.insert(String(name))
        }
        if line.hasSuffix(" FAILED") || line.contains(" FAILED ["), let name = line.split(separator: " ").first, name.contains("::") {
            report.failedTests.insert(String(name))
        }
        if let name = after("Test Case '", upTo: "' passed"), line.contains("' passed (") { report.passedTests.insert(name) }
        if let name = after("Test Case '", upTo: "' failed"), line.contains("' failed (") { report.failedTests.insert(name) }
        if line.hasPrefix("test "), line.hasSuffix(" ... ok") { report.passedTests.insert(String(line.dropFirst(5).dropLast(7))) }
        if line.hasPrefix("test "), line.hasSuffix(" ... FAILED") { report.failedTests.insert(String(line.dropFirst(5).dropLast(11))) }
        if line.hasSuffix(" ... ok"), !line.hasPrefix("test ") { report.passedTests.insert(String(line.dropLast(7))) }
    }

    /// `3 passed, 1 failed` → ["passed": 3, "failed": 1] (the word after each number; `after: true` reads `Failures 1`).
    static func numbers(_ text: String, after: Bool = false) -> [String: Int] {
        var counts: [String: Int] = [:]
        let pattern = after ? #"([a-z][a-z ]*?)\s+(\d+)"# : #"(\d+)\s+([A-Za-z]+(?: failures| out)?)"#
        guard let regex = try? NSRegularExpression(pattern: pattern) else { return counts }
        for match in regex.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
            guard let first = Range(match.range(at: 1), in: text), let second = Range(match.range(at: 2), in: text) else { continue }
            let (number, word) = after ? (text[second], text[first]) : (text[first], text[second])
            guard let value = Int(number) else { continue }
            counts[word.trimmingCharacters(in: .whitespaces).lowercased(), default: 0] += value
        }
        return counts
    }
}
