import Foundation

/// Fits a `BlockScorer` to labelled logs by pairwise logistic regression (RankNet's loss on a linear model):
/// in each log, every block that covers a labelled line should score above every block that covers none.
/// Each log weighs the same however many blocks it has. Full-batch gradient descent from zero, a fixed number
/// of steps, sums in a fixed order: the same logs give the same weights on every run and machine, and the
/// weights are rounded to 6 significant digits so that the committed source reproduces them exactly.
public struct ScorerTraining: Sendable {
    /// The rules' best blocks a training log contributes. The scorer orders only the 1–3 blocks reported, but
    /// learning from more of each log's blocks ordered those better on held-out repositories (hit@1 +2 to +27
    /// points over training on the reported blocks alone).
    public static let pool = 16
    public var iterations = 400
    public var rate = 1.0
    /// L2 penalty on the standardised weights.
    public var l2 = 0.001

    public init() {}

    /// One labelled log: its candidate blocks' features (`CandidateSet.features`) and which blocks cover a labelled line.
    public struct Log: Sendable {
        public var features: [[Double]]
        public var relevant: [Bool]

        public init(features: [[Double]], relevant: [Bool]) {
            self.features = features
            self.relevant = relevant
        }

        public init(_ set: CandidateSet, labelled: Set<Int>) {
            features = set.features
            relevant = set.blocks.map { block in labelled.contains { block.lines.contains($0) } }
        }
    }

    public func train(_ logs: [Log], corpora: [String]) -> BlockScorer {
        let width = BlockFeatures.names.count
        let rows = logs.flatMap(\.features)
        let count = Double(max(rows.count, 1))
        let mean = (0..<width).map { column in rows.reduce(0) { $0 + $1[column] } / count }
        let deviation = (0..<width).map { column in
            let spread = (rows.reduce(0) { $0 + ($1[column] - mean[column]) * ($1[column] - mean[column]) } / count).squareRoot()
            return spread > 1e-9 ? spread : 1
        }
        // Differences of standardised features, better minus worse, each with its log's share.
        var pairs: [(difference: [Double], weight: Double)] = []
        var ranked = 0.0
        for log in logs {
            let good = log.relevant.indices.filter { log.relevant[$0] }
            let bad = log.relevant.indices.filter { !log.relevant[$0] }
            guard !good.isEmpty, !bad.isEmpty else { continue }
            let share = 1 / Double(good.count * bad.count)
            ranked += 1
            for better in good {
                for worse in bad {
                    let difference = (0..<width).map { (log.features[better][$0] - log.features[worse][$0]) / deviation[$0] }
                    pairs.append((difference, share))
                }
            }
        }
        ranked = max(ranked, 1)
        var weights = [Double](repeating: 0, count: width)
        for _ in 0..<iterations {
            var gradient = weights.map { l2 * $0 }
            for pair in pairs {
                var margin = 0.0
                for column in 0..<width { margin += weights[column] * pair.difference[column] }
                let slope = -pair.weight / (1 + exp(margin)) / ranked
                for column in 0..<width { gradient[column] += slope * pair.difference[column] }
            }
            for column in 0..<width { weights[column] -= rate * gradient[column] }
        }
        // Back to raw features; the offset centres the average block's score on zero.
        let raw = (0..<width).map { Self.rounded(weights[$0] / deviation[$0]) }
        let offset = Self.rounded(-(0..<width).reduce(0) { $0 + raw[$1] * mean[$1] })
        return BlockScorer(weights: raw, offset: offset, corpora: corpora)
    }

    static func rounded(_ value: Double) -> Double {
        Double(String(format: "%.6g", value)) ?? value
    }
}
