/// Repository-grouped folds of a labelled corpus: every log of a repository lands in the same fold, so a
/// figure measured on a fold is one on repositories that no other fold holds (what rules read from the other
/// folds, or a scorer trained on them, has never seen). The split is fixed by the repositories and their log
/// counts: the same corpus always gives the same folds, whatever order its index lists them in (a corpus
/// that gains logs may move repositories between folds).
public struct CorpusFolds: Sendable {
    public let count: Int
    /// Fold (0-based) of each repository.
    public let foldOf: [String: Int]

    /// Repositories are ordered by a stable hash of their name, then dealt largest first to the fold with the
    /// fewest logs so far (folds come out near equal in logs, not only in repositories).
    public init(repositories: [String: Int], folds: Int) {
        count = max(1, folds)
        let ordered = repositories.sorted { a, b in
            a.value != b.value ? a.value > b.value : (FNV1a.hash(a.key), a.key) < (FNV1a.hash(b.key), b.key)
        }
        var sizes = Array(repeating: 0, count: count)
        var assignment: [String: Int] = [:]
        for (repository, logs) in ordered {
            let fold = sizes.indices.min { (sizes[$0], $0) < (sizes[$1], $1) } ?? 0
            assignment[repository] = fold
            sizes[fold] += logs
        }
        foldOf = assignment
    }
}
