import LogAnalysis
import Testing

@Suite struct LogReaderTests {
    @Test func lines_keepOriginalNumbersAndStripRunnerDecoration() {
        let raw = "2024-05-01T10:00:00.1234567Z ##[group]Run make\n\u{1B}[31mboom\u{1B}[0m\n10%\r50%\r100%\n\nlast"
        let lines = LogReader.lines(Array(raw.utf8))
        #expect(lines.map(\.number) == [1, 2, 3, 4, 5])
        #expect(lines.map(\.text) == ["##[group]Run make", "boom", "100%", "", "last"])
    }

    @Test func lines_survivesInvalidUTF8AndNULs() {
        let lines = LogReader.lines([0xFF, 0xFE, 0x00, 0x0A, 0x41])
        #expect(lines.count == 2)
        #expect(lines[1].text == "A")
    }

    @Test func lines_dropAntsTaskColumn_keepOtherBracketedPrefixes() {
        let raw = [
            "2024-05-01T10:00:00.1234567Z     [junit] Failures (2):", "    [javac] Foo.java:3: error: ';' expected",
            "[junitlauncher] Tests run: 4", "[error] Foo.scala:3: not found: value x", "[ERROR] Failures:", "  [junit] short pad",
            "     [echo] \tFAILED",
        ].joined(separator: "\n")
        #expect(
            LogReader.lines(Array(raw.utf8)).map(\.text) == [
                "Failures (2):", "Foo.java:3: error: ';' expected", "Tests run: 4", "[error] Foo.scala:3: not found: value x",
                "[ERROR] Failures:", "  [junit] short pad", "\tFAILED",
            ])
    }
}

@Suite struct ErrorExtractorTests {
    @Test func blocks_rankThePytestFailureAboveNoise() {
        let log = """
            collecting ...
            tests/test_math.py::test_add FAILED
            =================================== FAILURES ===================================
            ___________________________________ test_add ___________________________________
                def test_add():
            >       assert add(1, 2) == 4
            E       assert 3 == 4
            E        +  where 3 = add(1, 2)
            tests/test_math.py:4: AssertionError
            =========================== short test summary info ============================
            FAILED tests/test_math.py::test_add - assert 3 == 4
            ============================== 1 failed in 0.02s ===============================
            ##[error]Process completed with exit code 1.
            """
        let blocks = ErrorExtractor().blocks(LogReader.lines(Array(log.utf8)))
        #expect(!blocks.isEmpty)
        let covered = Set(blocks.flatMap { Array($0.lines) })
        #expect(covered.contains(7) && covered.contains(11), "the assertion and the summary line are found: \(blocks)")
        #expect(ErrorExtractor().failureKind(blocks) == .test)
    }

    @Test func score_followsTheCorpusMetric() {
        let block = ErrorBlock(startLine: 10, endLine: 12, message: "x", rule: "r", kind: .test, score: 1)
        let score = ExtractionScore(labelled: [11, 20], blocks: [block])
        #expect(score.hitAt1 == 1 && score.hitAt3 == 1)
        #expect(score.recall == 0.5)
        #expect(abs(score.precision - 1.0 / 3.0) < 1e-9)
    }
}
