/// Finds the lines that explain a failure: rules in order, matches grouped into blocks with their
/// context, blocks ranked (rule weight, then nearness to the end of the log), duplicates dropped.
public struct ErrorExtractor: Sendable {
    public var maxBlockLines = 40

    public init() {}

    public func blocks(_ lines: [LogLine], top: Int = 3) -> [ErrorBlock] {
        guard !lines.isEmpty else { return [] }
        var matches: [(index: Int, rule: ExtractionRule)] = []
        for (index, line) in lines.enumerated() {
            guard !line.text.isEmpty else { continue }
            for rule in ExtractionRules.all where rule.needles.contains(where: { line.text.contains($0) }) && rule.accepts(line.text) {
                matches.append((index, rule))
                break
            }
        }
        // Adjacent matched lines (a traceback, a diagnostic with its notes) form one block.
        var blocks: [ErrorBlock] = []
        var current: (start: Int, end: Int, best: ExtractionRule, kind: FailureKind, count: Int)?
        func close() {
            guard let c = current else { return }
            let total = Double(lines.count)
            let recency = Double(c.end + 1) / total
            let message = lines[c.start...c.end].map(\.text).first { !$0.isEmpty } ?? ""
            blocks.append(ErrorBlock(
                startLine: lines[c.start].number, endLine: lines[min(c.end, c.start + maxBlockLines - 1)].number,
                message: String(message.prefix(300)), file: nil, line: nil, column: nil, rule: c.best.id, kind: c.kind,
                score: c.best.weight + 2 * recency + min(Double(c.count), 5) * 0.1))
        }
        for (index, rule) in matches {
            if let c = current, index <= c.end + 2 {
                let kind = c.kind == .unknown ? rule.kind : c.kind
                current = (c.start, index, rule.weight > c.best.weight ? rule : c.best, kind, c.count + 1)
            } else {
                close()
                current = (index, index, rule, rule.kind, 1)
            }
        }
        close()
        var seen: Set<String> = []
        let ranked = blocks.sorted { $0.score > $1.score }.filter { seen.insert($0.message).inserted }
        return Array(ranked.prefix(top))
    }

    /// The run's failure kind: that of the best block with a known kind.
    public func failureKind(_ blocks: [ErrorBlock]) -> FailureKind {
        blocks.first { $0.kind != .unknown }?.kind ?? .unknown
    }
}
