import Foundation

/// Finds the lines that explain a failure: rules in order, matches grouped into blocks with their
/// context, blocks ranked (rule weight, then nearness to the end of the log), duplicates dropped.
public struct ErrorExtractor: Sendable {
    public var maxBlockLines = 40
    public var leadLines = 0
    /// How far a report with an end line (`ExtractionRule.until`) may run.
    public var reportLines = 200
    /// Blocks scoring this much below the best are left out.
    public var scoreSpread = 5.5
    /// The most non-empty lines a command's tail holds (ending it at a paragraph break did no better).
    public var tailLines = 12
    /// How far past `tailLines` a tail cut mid-paragraph runs on to the paragraph's start.
    public var paragraphLines = 18
    /// A script's last output above its package manager's epilogue is usually its verdict: a few lines.
    public var scriptTailLines = 4
    /// How far a section (`ExtractionRule.section`) may run.
    public var sectionLines = 1000
    /// Orders the blocks the rules report (it never chooses them); nil keeps the rules' own order.
    public var scorer: BlockScorer? = .trained

    public init() {}

    /// `lines` may be sparse (a streaming scan keeps only candidate lines and their context);
    /// `totalLines` is the log's line count, for recency.
    public func blocks(_ lines: [LogLine], totalLines: Int? = nil, top: Int = 3) -> [ErrorBlock] {
        rank(candidates(lines, totalLines: totalLines, top: top))
    }

    /// The rules' best `top` blocks in the rules' order, each at its first printing, before the learned ordering.
    public func candidates(_ lines: [LogLine], totalLines: Int? = nil, top: Int = 3) -> CandidateSet {
        guard !lines.isEmpty else { return CandidateSet(blocks: [], region: nil, totalLines: 0, lines: []) }
        let total = Double(max(totalLines ?? lines.last!.number, 1))
        var matches: [(index: Int, rule: ExtractionRule)] = []
        for (index, line) in lines.enumerated() {
            guard !line.text.isEmpty, !LineShape.reportsPass(line.text), !ExtractionRules.isEpilogue(line.text) else { continue }
            for rule in ExtractionRules.all where rule.hasNeedle(line.text) && rule.accepts(line.text) {
                matches.append((index, rule))
                break
            }
        }
        // Adjacent matched lines (a traceback, a diagnostic with its notes) form one block.
        var blocks: [ErrorBlock] = []
        var current: (start: Int, end: Int, best: ExtractionRule, kind: FailureKind, count: Int, first: Int)?
        // A section's lines by number: they need not all be candidates.
        var section: ClosedRange<Int>?
        func close() {
            guard let c = current else { return }
            let recency = Double(lines[c.end].number) / total
            let texts = lines[c.first...c.end].map(\.text).filter { !$0.isEmpty }
            // A traceback's message is its exception line, at its end.
            let message = (texts.first.map(Self.opensTraceback) == true ? texts.last : texts.first) ?? ""
            let range = section ?? lines[c.start].number...lines[min(c.end, c.start + reportLines - 1)].number
            section = nil
            blocks.append(
                ErrorBlock(
                    startLine: range.lowerBound, endLine: range.upperBound,
                    message: String(message.prefix(300)), file: nil, line: nil, column: nil, rule: c.best.id, kind: c.kind,
                    score: c.best.weight + 2 * recency + min(Double(c.count), 5) * 0.1))
        }
        // A block runs on over the indented lines that follow a match (a traceback's frames, a
        // diagnostic's source and caret lines), and a traceback runs to its exception line.
        func extended(_ start: Int, _ index: Int, _ rule: ExtractionRule) -> Int {
            var end = index
            if !rule.section.isEmpty, section == nil,
                let next = lines[(index + 1)...].prefix(while: { $0.number <= lines[index].number + sectionLines })
                    .firstIndex(where: { line in rule.section.contains { line.text.has($0) } || LineShape.endsStep(line.text) }), next > index + 1
            {
                // The heading and a blank line under it are not part of what it introduces.
                let blank = lines[index + 1].number == lines[index].number + 1 && lines[index + 1].isBlank
                let first = rule.headingNamesFailure ? lines[index].number : lines[index].number + (blank ? 2 : 1)
                // Nor is the blank line that closes it.
                let closing = lines[next - 1].number == lines[next].number - 1 && lines[next - 1].isBlank
                let last = lines[next].number - (closing ? 2 : 1)
                if first <= last {
                    section = first...last
                    return next - 1
                }
            }
            if !rule.until.isEmpty,
                let last = lines[(index + 1)...].prefix(while: { $0.number <= lines[index].number + min(rule.reach, reportLines) })
                    .firstIndex(where: { line in rule.until.contains { line.text.has($0) } })
            {
                return last
            }
            // Only lines indented deeper than the match belong to it: a list of equally indented
            // build steps (`    CC foo.o`) is not a traceback.
            let depth = LineShape.indentation(lines[index].text) - (rule.list ? 1 : 0)
            let limit = rule.list ? reportLines : maxBlockLines
            func continues(_ next: Int) -> Bool {
                next < lines.count && lines[next].number == lines[next - 1].number + 1 && !lines[next].isBlank
                    && (rule.paragraph || LineShape.indentation(lines[next].text) > depth || LineShape.isGutter(lines[next].text.utf8))
            }
            while end - start < limit {
                if continues(end + 1) {
                    end += 1
                } else if !rule.paragraph, end + 2 < lines.count, lines[end + 1].number == lines[end].number + 1, lines[end + 1].isBlank,
                    continues(end + 2)
                {
                    // A blank line inside an indented continuation (xcpretty's summary, a diff) does not end it.
                    end += 2
                } else {
                    break
                }
            }
            // The traceback's head is at most a block's length above (each match of a long block would
            // otherwise rescan it from its start: quadratic in a log of thousands of adjacent matches).
            if end > index, end + 1 < lines.count, lines[end + 1].number == lines[end].number + 1, !lines[end + 1].text.isEmpty,
                lines[max(start, index - maxBlockLines)...end].contains(where: { Self.opensTraceback($0.text) })
            {
                end += 1
            }
            return end
        }
        // A block starts at the top of its paragraph: up to `leadLines` non-empty lines right above
        // the first match (the file a summary line refers to, the test a message belongs to).
        func leading(_ index: Int, _ rule: ExtractionRule) -> Int {
            if rule.headAbove, index > 0, lines[index - 1].number == lines[index].number - 1, !lines[index - 1].isBlank { return index - 1 }
            // Node prints where a script failed to load above its error: `file.js:31`, the source line, a caret line.
            if let caret = (max(0, index - 3)..<index).last(where: { LineShape.isCaretLine(lines[$0].text.utf8) }), caret >= 2,
                lines[index].number - lines[caret - 2].number == index - caret + 2
            {
                return caret - 2
            }
            var start = index
            while start > 0, index - start < leadLines, lines[start - 1].number == lines[start].number - 1,
                !lines[start - 1].isBlank
            {
                start -= 1
            }
            return start
        }
        for (index, rule) in matches {
            // The same format's next report close by (eslint's next file, after a blank line and its path) continues the block.
            if let c = current, lines[index].number <= section.map({ $0.upperBound }) ?? lines[c.end].number + (rule.id == c.best.id ? 3 : 2) {
                let kind = c.kind == .unknown ? rule.kind : c.kind
                current = (c.start, max(c.end, extended(c.start, index, rule)), rule.weight > c.best.weight ? rule : c.best, kind, c.count + 1, c.first)
            } else {
                close()
                let start = min(index, max(leading(index, rule), current.map { $0.end + 1 } ?? 0))
                current = (start, extended(start, index, rule), rule, rule.kind, 1, index)
            }
        }
        close()
        // A script run by a package manager ends with its epilogue (yarn's `Command failed`, npm's
        // ELIFECYCLE); the script's own last lines, right above it, say why.
        for index in lines.indices
        where ExtractionRules.opensEpilogue(lines[index].text)
            && (index == 0 || !ExtractionRules.isEpilogue(lines[index - 1].text))
        {
            let above = lastOutput(lines, before: index).suffix(scriptTailLines)
            if let first = above.first, let last = above.last {
                let recency = Double(last.number) / total
                blocks.append(
                    ErrorBlock(
                        startLine: first.number, endLine: last.number, message: String(last.text.prefix(300)),
                        rule: "script.tail", kind: .unknown, score: 3 + 2 * recency))
            }
        }
        // The failing command's own output (Travis `$ cmd` … `The command "cmd" exited with 1.`,
        // GitHub `##[group]Run cmd` … `Process completed with exit code 1`) is where the cause is.
        let failing = failingRegion(lines)
        if let region = failing {
            var inside = false
            for index in blocks.indices where region.contains(blocks[index].startLine) || region.contains(blocks[index].endLine) {
                // Inside the failing output the first failure listed is usually the one to fix: earliness
                // there counts more than nearness to the end of the log.
                let span = Double(max(region.upperBound - region.lowerBound, 1))
                let recency = Double(blocks[index].endLine) / total
                let earliness = 1 - Double(blocks[index].startLine - region.lowerBound) / span
                // A keyword hit early in the output is usually chatter; only a named format's failure
                // gains from coming first.
                let weak = blocks[index].rule.hasPrefix("generic.")
                blocks[index].score += 3 - 1.5 * recency + (weak ? 0 : earliness)
                inside = true
            }
            // Where the test runner's own verdict names what failed, an exception printed elsewhere in the
            // output is what a test logged (a passing one as often as not), not the failure: it ranks below.
            let verdicts = blocks.filter { Self.runnerVerdicts.contains($0.rule) && region.contains($0.startLine) }
            if !verdicts.isEmpty {
                for index in blocks.indices where Self.bareExceptions.contains(blocks[index].rule) && region.contains(blocks[index].startLine) {
                    let covered = verdicts.contains { $0.lines.contains(blocks[index].startLine) || blocks[index].lines.contains($0.startLine) }
                    if !covered { blocks[index].score -= 1.5 }
                }
            }
            // Outside the failing command's output are set-up and earlier, passing steps: their
            // keyword hits (a worker banner's "error messages") are not this failure.
            if inside { blocks.removeAll { !(region.contains($0.startLine) || region.contains($0.endLine)) && $0.score < 9 } }
            if let exit = lines.lastIndex(where: { region.contains($0.number) }) {
                // The command's last output lines (above any epilogue); the runner's exit line is never the cause.
                let tail = lastOutput(lines, before: exit)
                if let first = tail.first, let last = tail.last {
                    blocks.append(
                        ErrorBlock(
                            startLine: first.number, endLine: last.number, message: String(last.text.prefix(300)),
                            rule: "region.tail", kind: .unknown, score: inside ? 5.5 : 6))
                }
            }
        }
        // A step's exit line marks where its output ends; it never says why.
        let markers: Set<String> = ["travis.command-exited", "gha.exit-code"]
        if blocks.contains(where: { !markers.contains($0.rule) }) { blocks.removeAll { markers.contains($0.rule) } }
        // A keyword hit that recurs in the same line shape (a command echoed per file: `-c "if error == 0"`)
        // is how this build always talks, not what went wrong.
        let shapes = Dictionary(grouping: blocks.indices.filter { blocks[$0].rule.hasPrefix("generic.") }) { blocks[$0].message.prefix(24) }
        for (_, indices) in shapes where indices.count >= 3 {
            for index in indices { blocks[index].score -= 2 }
        }
        var firstPrinting: [String: ErrorBlock] = [:]
        for block in blocks {
            let key = "\(block.rule)\u{0}\(block.message)"
            if firstPrinting[key].map({ block.startLine < $0.startLine }) ?? true { firstPrinting[key] = block }
        }
        var seen: Set<String> = []
        // A keyword hit ranks after every named format's block: it is the fallback, not a rival.
        let ranked = blocks.sorted { a, b in
            let (weakA, weakB) = (a.rule.hasPrefix("generic."), b.rule.hasPrefix("generic."))
            return weakA != weakB ? weakB : a.score > b.score
        }.filter { seen.insert($0.message).inserted }
            .map { block in
                // The same failure printed twice (a retried step): point at its first printing.
                var earliest = block
                if let first = firstPrinting["\(block.rule)\u{0}\(block.message)"] { (earliest.startLine, earliest.endLine) = (first.startLine, first.endLine) }
                return earliest
            }
        // A block far weaker than the best is noise beside it (a keyword hit next to a named failure).
        let floor = (ranked.first?.score ?? 0) - scoreSpread
        return CandidateSet(blocks: Array(ranked.prefix(top).prefix { $0.score >= floor }), region: failing, totalLines: Int(total), lines: lines)
    }

    /// Up to `tailLines` non-empty lines printed right before `index`, over lines the scan kept without a gap
    /// (beyond a gap, what was printed is unknown), above any epilogue and below the command line or group marker.
    func lastOutput(_ lines: [LogLine], before index: Int) -> [LogLine] {
        var next = lines[index].number
        let contiguous = lines[..<index].reversed().prefix { line in
            defer { next = line.number }
            // GitHub's `##[group]`/`##[endgroup]` fence the step's command from its output (and from earlier steps').
            return line.number == next - 1 && !line.text.hasPrefix("$ ") && !line.text.hasPrefix("> ") && !line.text.hasPrefix("##[")
        }
        let body = contiguous.drop { ExtractionRules.isEpilogue($0.text) || $0.isBlank }
        let printed = Array(body.prefix { !ExtractionRules.isEpilogue($0.text) })
        var output = printed.filter { !$0.isBlank }.prefix(tailLines)
        // Cut mid-paragraph: run on to the paragraph's first line, within reason.
        if let top = output.last, let at = printed.firstIndex(where: { $0.number == top.number }) {
            output += printed[(at + 1)...].prefix { !$0.isBlank }.prefix(paragraphLines)
        }
        return output.reversed()
    }

    static func opensTraceback(_ text: String) -> Bool { text.utf8.starts(with: "Traceback (most recent call last)".utf8) }

    /// Rules that match an exception line or a traceback by its shape alone, whoever printed it.
    static let bareExceptions: Set<String> = ["python.exception", "python.traceback"]
    /// Test runners' own reports of which tests failed.
    static let runnerVerdicts: Set<String> = [
        "pytest.failed-summary", "pytest.failures-section", "unittest.failure", "go.test-fail", "jest.failed-test", "rspec.failure", "junit.failures",
        "phpunit.failures", "xctest.failure", "mocha.failing", "test.failed-verdict", "gtest.failed", "exunit.failure", "ct.failed",
    ]

    /// Line numbers of the failing command's output, from its start marker to its exit marker.
    func failingRegion(_ lines: [LogLine]) -> ClosedRange<Int>? {
        guard let end = lines.lastIndex(where: { LineShape.endsStep($0.text) && !$0.text.hasSuffix("exited with 0.") }) else { return nil }
        var start = end
        while start > 0 {
            let text = lines[start - 1].text
            if text.hasPrefix("$ ") || text.hasPrefix("##[group]Run ") || (text.hasPrefix("The command \"") && text.contains("exited with")) { break }
            start -= 1
        }
        guard start < end else { return nil }
        return lines[start].number...lines[end].number
    }

    /// The run's failure kind: that of the best block with a known kind.
    public func failureKind(_ blocks: [ErrorBlock]) -> FailureKind {
        blocks.first { $0.kind != .unknown }?.kind ?? .unknown
    }
}

extension ErrorExtractor {
    /// Every rule's stable id, in order.
    public static var ruleIDs: [String] { ExtractionRules.all.map(\.id) }
}
