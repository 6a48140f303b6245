import LogAnalysis
import Testing

/// What a passing log of the same job says about a failing one: lines it also has are routine.
struct PassingLogTests {
    static func lines(_ texts: [String]) -> [LogLine] {
        texts.enumerated().map { LogLine(number: $0.offset + 1, text: $0.element) }
    }

    @Test func normalising_removesWhatDiffersFromRunToRun() {
        let pairs = [
            ("2026-11-23T10:00:01.1234567Z Downloaded 1523 files in 12.5s", "2026-11-22T09:13:44.7654321Z Downloaded 87 files in 0.9s"),
            ("build\tRun tests\t2026-11-23T10:00:01.1234567Z ok", "build\tRun tests\t2026-11-01T01:02:03.0000000Z ok"),
            ("HEAD is now at 4f2a9c1e fix", "HEAD is now at 0b7de993 fix"),
            ("object at 0x7f3a2c1b5e40", "object at 0x7f11aa0c3d80"),
            ("wrote /tmp/tmp.7muyWDlizz/out.json", "wrote /tmp/pytest-of-runner/x/out.json"),
            ("\u{1B}[32mPASSED\u{1B}[0m   test_a", "PASSED test_a"),
            ("id 123e4567-e89b-12d3-a456-426614174000 done", "id 9f0c1d2e-aaaa-4bbb-8ccc-0123456789ab done"),
        ]
        for (a, b) in pairs {
            #expect(PassingLog.normalize(a) == PassingLog.normalize(b), "\(a) | \(b): \(PassingLog.normalize(a)) vs \(PassingLog.normalize(b))")
        }
        #expect(PassingLog.normalize("KeyError: 'total'") != PassingLog.normalize("KeyError: 'count'"), "words are kept")
        #expect(PassingLog.normalize("1 tests failed out of 120") != PassingLog.normalize("0 tests failed out of 120"), "whether any failed is kept")
        #expect(PassingLog.normalize("FAIL\texample.com/pkg\t0.12s") != PassingLog.normalize("ok  \texample.com/pkg\t0.10s"), "a tab is part of the line")
        #expect(PassingLog.normalize("   \t  ").isEmpty)
    }

    @Test func aBlockTheJobAlsoPrintedWhenItPassed_dropsOut_andTheFailureRisesIntoTheTop() {
        let failing = Self.lines([
            "Traceback (most recent call last):", "ModuleNotFoundError: No module named 'distutils'", "", "FAILED test_a - assert 1 == 2",
        ])
        let passing = PassingLog(Self.lines(["Traceback (most recent call last):", "ModuleNotFoundError: No module named 'distutils'", "1 passed"]))
        let blocks = [
            ErrorBlock(startLine: 1, endLine: 2, message: "ModuleNotFoundError", rule: "python.exception", kind: .test, score: 9),
            ErrorBlock(startLine: 4, endLine: 4, message: "FAILED test_a", rule: "pytest.failed-summary", kind: .test, score: 8),
        ]
        let text = Dictionary(uniqueKeysWithValues: failing.map { ($0.number, $0.text) })
        let ranked = passing.rerank(blocks, text: { text[$0] }, top: 3)
        #expect(ranked.map(\.rule) == ["pytest.failed-summary"])
    }

    @Test func routineLinesAtABlocksEdges_areTrimmed_andRoutineInsideCostsRank() {
        let failing = Self.lines(["Run make test", "cc -O2 -c a.c", "a.c:3: error: expected ';'", "make: *** [a.o] Error 1", "Run make test"])
        let passing = PassingLog(Self.lines(["Run make test", "cc -O2 -c a.c", "Run make test"]))
        let text = Dictionary(uniqueKeysWithValues: failing.map { ($0.number, $0.text) })
        let block = ErrorBlock(startLine: 1, endLine: 5, message: "expected ';'", rule: "compiler.diagnostic", kind: .build, score: 10)
        let ranked = passing.rerank([block], text: { text[$0] }, top: 3)
        #expect(ranked.first?.lines == 3...4 && ranked.first?.score == 10, "\(ranked)")
        let mixed = ErrorBlock(startLine: 3, endLine: 5, message: "x", rule: "r", kind: .build, score: 10)
        let inner = Self.lines(["", "", "error: one", "Run make test", "error: two"])
        let innerText = Dictionary(uniqueKeysWithValues: inner.map { ($0.number, $0.text) })
        #expect(passing.rerank([mixed], text: { innerText[$0] }, top: 1).first?.score == 10 * (1 - 1.0 / 3 / 2))
    }

    @Test func whenEveryBlockWasRoutine_theExtractorsRankingStands() {
        // A flaky test the green run failed and retried too: the passing log cannot tell.
        let failing = Self.lines(["FAILED test_flaky - assert 1 == 2"])
        let passing = PassingLog(Self.lines(["FAILED test_flaky - assert 1 == 2", "1 passed, 1 rerun"]))
        let block = ErrorBlock(startLine: 1, endLine: 1, message: "FAILED test_flaky", rule: "pytest.failed-summary", kind: .test, score: 8)
        #expect(passing.rerank([block], text: { failing[$0 - 1].text }, top: 3) == [block])
    }

    @Test func keywordHits_stayBehindNamedFormats_whateverTheirScore() {
        let passing = PassingLog(Self.lines(["nothing shared"]))
        let named = ErrorBlock(startLine: 1, endLine: 1, message: "tail", rule: "region.tail", kind: .unknown, score: 5.5)
        let keyword = ErrorBlock(startLine: 2, endLine: 2, message: "error", rule: "generic.error", kind: .unknown, score: 7)
        #expect(passing.rerank([keyword, named], text: { _ in "x" }, top: 3).map(\.rule) == ["region.tail", "generic.error"])
    }

    @Test func withoutTheLinesText_aBlockIsKeptAsItWas() {
        let passing = PassingLog(Self.lines(["anything"]))
        let block = ErrorBlock(startLine: 10, endLine: 12, message: "m", rule: "r", kind: .test, score: 5)
        #expect(passing.rerank([block], text: { _ in nil }, top: 3) == [block])
    }
}
