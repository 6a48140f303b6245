/// The corpus metric (shared/corpus/README.md) for one log: labelled lines L against the union U of the top blocks.
public struct ExtractionScore: Sendable, Hashable {
    public var hitAt1: Double
    public var hitAt3: Double
    public var recall: Double
    public var precision: Double

    public init(labelled: Set<Int>, blocks: [ErrorBlock]) {
        let top3 = Set(blocks.prefix(3).flatMap { Array($0.lines) })
        let top1 = Set(blocks.prefix(1).flatMap { Array($0.lines) })
        let found = labelled.intersection(top3).count
        hitAt1 = labelled.isDisjoint(with: top1) ? 0 : 1
        hitAt3 = found > 0 ? 1 : 0
        recall = labelled.isEmpty ? 0 : Double(found) / Double(labelled.count)
        precision = top3.isEmpty ? 0 : Double(found) / Double(top3.count)
    }

    /// Means over logs; F1 from the mean recall and precision.
    public static func summary(_ scores: [ExtractionScore]) -> (hitAt1: Double, hitAt3: Double, recall: Double, precision: Double, f1: Double) {
        let n = Double(max(scores.count, 1))
        let recall = scores.map(\.recall).reduce(0, +) / n
        let precision = scores.map(\.precision).reduce(0, +) / n
        let f1 = recall + precision > 0 ? 2 * recall * precision / (recall + precision) : 0
        return (scores.map(\.hitAt1).reduce(0, +) / n, scores.map(\.hitAt3).reduce(0, +) / n, recall, precision, f1)
    }
}
