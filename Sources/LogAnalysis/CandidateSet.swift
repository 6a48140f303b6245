/// The blocks the rules report for one log, in the rules' order (each at its first printing, one per message),
/// with what the learned ordering needs to look at them: the lines they cover, the failing command's output
/// and the log's length.
public struct CandidateSet: Sendable {
    /// Best first by the rules; a block far below the best is already left out.
    public var blocks: [ErrorBlock]
    /// Line numbers of the failing command's output, when the log marks it.
    public var region: ClosedRange<Int>?
    public var totalLines: Int
    /// The log's lines the scan kept, in order (sparse for a streamed log).
    let lines: [LogLine]

    init(blocks: [ErrorBlock], region: ClosedRange<Int>?, totalLines: Int, lines: [LogLine]) {
        self.blocks = blocks
        self.region = region
        self.totalLines = totalLines
        self.lines = lines
    }

    /// The text of line `number`, if the scan kept it.
    public func text(_ number: Int) -> String? {
        var low = 0
        var high = lines.count
        while low < high {
            let middle = (low + high) / 2
            if lines[middle].number < number { low = middle + 1 } else { high = middle }
        }
        return low < lines.count && lines[low].number == number ? lines[low].text : nil
    }

    /// Each block's features, in `BlockFeatures.names` order.
    public var features: [[Double]] {
        let shapes = blocks.map { PassingLog.normalize($0.message) }
        let counts = Dictionary(shapes.map { ($0, 1) }, uniquingKeysWith: +)
        return blocks.indices.map { index in
            BlockFeatures.of(blocks[index], rank: index, in: self, repeats: (counts[shapes[index]] ?? 1) - 1)
        }
    }
}
