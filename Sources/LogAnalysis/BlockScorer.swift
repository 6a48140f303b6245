/// A linear ranking of the rules' blocks over `BlockFeatures`: the rules find the blocks and a model fitted on
/// many repositories' logs puts first the one most likely to explain the failure (the block the prompt leads
/// with). `ScorerTraining` fits it; `trained` holds the committed weights.
public struct BlockScorer: Sendable, Equatable {
    /// One per `BlockFeatures.names`.
    public var weights: [Double]
    public var offset: Double
    /// The corpora (folder names) it was trained on: a held-out figure on them must train without the held-out part.
    public var corpora: [String]

    public init(weights: [Double], offset: Double, corpora: [String]) {
        precondition(weights.count == BlockFeatures.names.count, "one weight per feature")
        self.weights = weights
        self.offset = offset
        self.corpora = corpora
    }

    /// Weights by feature name, as the generated source lists them; a name it does not know is left out, a
    /// feature it does not name weighs nothing (a stale file then fails the retraining check, not the build).
    public init(named: KeyValuePairs<String, Double>, offset: Double, corpora: [String]) {
        let table = Dictionary(named.map { ($0.key, $0.value) }, uniquingKeysWith: { first, _ in first })
        self.init(weights: BlockFeatures.names.map { table[$0] ?? 0 }, offset: offset, corpora: corpora)
    }

    /// Higher ranks first.
    public func score(_ features: [Double]) -> Double {
        zip(weights, features).reduce(offset) { $0 + $1.0 * $1.1 }
    }
}
