/// What the learned ranking knows about a candidate block, none of it a tool's name: how the rules rated it
/// and which kind of rule found it, where it sits (in the failing command's output, how far from its end),
/// and the shape and words of its lines. Every feature is a number of about 0…1.
public enum BlockFeatures {
    public static let names = [
        "rule_score", "rule_rank", "keyword_rule", "output_tail", "runner_verdict", "bare_exception", "known_kind",
        "recency", "lines_to_log_end", "in_failing_output", "earliness_in_output", "lines_to_exit",
        "length", "error_words", "failure_words", "exception_words", "assertion_words", "warning_words", "pass_words",
        "code_location", "stack_frames", "digit_heavy", "indented", "repeated_message",
    ]

    /// Lines of a block looked at: a section can run to a thousand.
    static let linesRead = 60

    static let errorWords = ["error", "Error", "ERROR"]
    static let failureWords = ["fail", "Fail", "FAIL"]
    static let exceptionWords = ["Exception", "exception", "Traceback", "panic", "Caused by", "Throwable"]
    static let assertionWords = ["assert", "Assert", "expected", "Expected", "actual", "but was", "to equal", "to be "]
    static let warningWords = ["warning", "Warning", "WARN", "deprecat", "Deprecat"]
    static let passWords = ["pass", "PASS", "Pass", " ok", "OK", "success", "Success", "✓"]
    static let vocabularies = [errorWords, failureWords, exceptionWords, assertionWords, warningWords, passWords]

    static func of(_ block: ErrorBlock, rank: Int, in set: CandidateSet, repeats: Int) -> [Double] {
        let total = Double(max(set.totalLines, 1))
        // A count of lines squashed to about 0…2 (its fourth root over 8): 10 lines and 10,000 differ, 100 and 110 hardly.
        func squashed(_ count: Int) -> Double { Double(max(count, 0)).squareRoot().squareRoot() / 8 }
        var words = [Double](repeating: 0, count: 10)
        var worded = 0
        for number in block.startLine..<max(block.startLine, min(block.endLine + 1, block.startLine + linesRead)) {
            guard let text = set.text(number), !text.utf8.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) else { continue }
            worded += 1
            for (index, vocabulary) in vocabularies.enumerated() where vocabulary.contains(where: text.has) { words[index] += 1 }
            if LineShape.hasCodeLocation(text) { words[6] += 1 }
            if LineShape.isStackFrame(text) { words[7] += 1 }
            if LineShape.isDigitHeavy(text) { words[8] += 1 }
            if LineShape.indentation(text) >= 2 { words[9] += 1 }
        }
        let shares = words.map { $0 / Double(max(worded, 1)) }
        let inside = set.region.map { $0.contains(block.startLine) || $0.contains(block.endLine) } ?? false
        var earliness = 0.0
        var toExit = 1.0
        if let region = set.region, inside {
            // A block that starts above the output and ends inside it is as early as can be.
            earliness = min(1, max(0, 1 - Double(block.startLine - region.lowerBound) / Double(max(region.upperBound - region.lowerBound, 1))))
            toExit = squashed(region.upperBound - block.endLine)
        }
        return [
            block.score / 10, 1 / Double(1 + rank), block.rule.hasPrefix("generic.") ? 1 : 0,
            ["region.tail", "script.tail"].contains(block.rule) ? 1 : 0, ErrorExtractor.runnerVerdicts.contains(block.rule) ? 1 : 0,
            ErrorExtractor.bareExceptions.contains(block.rule) ? 1 : 0, block.kind == .unknown ? 0 : 1,
            Double(block.endLine) / total, squashed(set.totalLines - block.endLine), inside ? 1 : 0, earliness, toExit,
            squashed(block.endLine - block.startLine + 1),
        ] + shares + [min(Double(repeats), 4) / 4]
    }
}
