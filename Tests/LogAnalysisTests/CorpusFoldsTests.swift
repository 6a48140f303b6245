import LogAnalysis
import Testing

/// Held-out figures need folds that never split a repository, that stay the same from run to run, and that
/// hold about as many logs each.
struct CorpusFoldsTests {
    static let corpus: [String: Int] = [
        "git/git": 12, "rails/rails": 9, "numpy/numpy": 7, "a/one": 1, "b/two": 2, "c/three": 3, "d/four": 4, "e/five": 5, "f/six": 6, "g/seven": 7,
    ]

    @Test func everyRepositoryIsInExactlyOneFold_andEachFoldHoldsSome() {
        let folds = CorpusFolds(repositories: Self.corpus, folds: 5)
        #expect(Set(folds.foldOf.keys) == Set(Self.corpus.keys))
        #expect(Set(folds.foldOf.values) == Set(0..<5))
    }

    @Test func foldsHoldNearlyEqualNumbersOfLogs() {
        let folds = CorpusFolds(repositories: Self.corpus, folds: 5)
        var sizes = Array(repeating: 0, count: 5)
        for (repository, logs) in Self.corpus { sizes[folds.foldOf[repository]!] += logs }
        #expect(sizes.reduce(0, +) == 56)
        #expect(sizes.max()! - sizes.min()! <= Self.corpus.values.max()!, "\(sizes)")
    }

    @Test func theSplitDependsOnTheNamesAlone_notOnTheOrderTheyCameIn() {
        let reordered = Dictionary(uniqueKeysWithValues: Self.corpus.sorted { $0.key > $1.key })
        #expect(CorpusFolds(repositories: Self.corpus, folds: 5).foldOf == CorpusFolds(repositories: reordered, folds: 5).foldOf)
        #expect(CorpusFolds(repositories: Self.corpus, folds: 3).foldOf != CorpusFolds(repositories: Self.corpus, folds: 5).foldOf)
    }
}
