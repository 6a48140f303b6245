import LogAnalysis
import Testing

/// The learned ordering of the rules' blocks: a linear model over features that name no tool, fitted by
/// pairwise logistic regression so that a block covering the failure scores above one that does not.
@Suite struct BlockScorerTests {
    static let width = BlockFeatures.names.count
    static let recency = BlockFeatures.names.firstIndex(of: "recency")!
    static let ruleScore = BlockFeatures.names.firstIndex(of: "rule_score")!

    /// Logs of two blocks each where the relevant one has more of `recency`, and `rule_score` says nothing.
    static var recentIsRelevant: [ScorerTraining.Log] {
        (0..<20).map { index in
            var good = [Double](repeating: 0.5, count: width)
            var bad = good
            good[recency] = 0.6 + Double(index % 5) / 10
            bad[recency] = 0.1 + Double(index % 3) / 10
            (good[ruleScore], bad[ruleScore]) = index.isMultiple(of: 3) ? (0.9, 0.2) : (0.2, 0.9)
            return index.isMultiple(of: 2)
                ? ScorerTraining.Log(features: [bad, good], relevant: [false, true])
                : ScorerTraining.Log(features: [good, bad], relevant: [true, false])
        }
    }

    @Test func aFeatureThatMarksTheRelevantBlock_getsTheLargestWeight_andRanksItFirst() {
        let scorer = ScorerTraining().train(Self.recentIsRelevant, corpora: ["synthetic"])
        #expect(scorer.weights[Self.recency] > 1, "\(scorer.weights)")
        #expect(scorer.weights.indices.allSatisfy { $0 == Self.recency || abs(scorer.weights[$0]) < scorer.weights[Self.recency] })
        for log in Self.recentIsRelevant {
            let best = log.features.indices.max { scorer.score(log.features[$0]) < scorer.score(log.features[$1]) }!
            #expect(log.relevant[best])
        }
    }

    @Test func theSameLogsTrainToTheSameWeights_roundedAsTheCommittedSourceWritesThem() {
        let first = ScorerTraining().train(Self.recentIsRelevant, corpora: ["synthetic"])
        let second = ScorerTraining().train(Self.recentIsRelevant, corpora: ["synthetic"])
        #expect(first == second)
        #expect(first.weights.allSatisfy { Double(String(format: "%.6g", $0)) == $0 })
    }

    @Test func aLogWhoseBlocksAreAllRelevantOrAllNot_teachesNothing() {
        let flat = [
            ScorerTraining.Log(features: [[Double](repeating: 1, count: Self.width), [Double](repeating: 0, count: Self.width)], relevant: [true, true])
        ]
        #expect(ScorerTraining().train(flat, corpora: []).weights.allSatisfy { $0 == 0 })
    }

    /// A log with two failures the rules report: compiler errors and, later, a failing test.
    static let log = """
        ##[group]Run make test
        src/a.c:3:5: error: unknown type name 'foo'
        noise
        noise
        src/b.c:9:1: error: expected ';' after expression
        noise
        noise
        FAILED tests/test_a.py::test_one - AssertionError: 1 != 2
        ##[error]Process completed with exit code 2.
        """

    func blocks(_ scorer: BlockScorer?) -> [ErrorBlock] {
        var streaming = StreamingExtractor()
        streaming.extractor.scorer = scorer
        return streaming.blocks(streaming.scan(Array(Self.log.utf8)))
    }

    @Test func theScorerOrdersTheRulesBlocks_neverAddingOrDroppingOne() {
        var latest = BlockScorer(weights: [Double](repeating: 0, count: Self.width), offset: 0, corpora: [])
        latest.weights[Self.recency] = 10
        var earliest = latest
        earliest.weights[Self.recency] = -10
        let rules = blocks(nil).map(\.lines)
        #expect(rules.count == 2, "\(rules)")
        #expect(Set(blocks(latest).map(\.lines)) == Set(rules))
        #expect(Set(blocks(earliest).map(\.lines)) == Set(rules))
        #expect(blocks(latest).first?.lines.contains(8) == true)
        #expect(blocks(earliest).first?.lines.contains(2) == true)
    }

    @Test func aScorerThatWeighsNothing_keepsTheRulesOrder() {
        let flat = BlockScorer(weights: [Double](repeating: 0, count: Self.width), offset: 0, corpora: [])
        #expect(blocks(flat).map(\.lines) == blocks(nil).map(\.lines))
    }

    @Test func featuresDescribeShapesAndWords_notTools() throws {
        let extractor = ErrorExtractor()
        let set = extractor.candidates(LogReader.lines(Array(Self.log.utf8)), top: 3)
        let features = set.features
        #expect(features.count == set.blocks.count)
        #expect(features.allSatisfy { $0.count == Self.width && $0.allSatisfy(\.isFinite) })
        let location = BlockFeatures.names.firstIndex(of: "code_location")!
        let errors = BlockFeatures.names.firstIndex(of: "error_words")!
        let compiler = try #require(set.blocks.firstIndex { $0.lines.contains(2) })
        let failures = BlockFeatures.names.firstIndex(of: "failure_words")!
        #expect(features[compiler][location] > 0 && features[compiler][errors] > 0 && features[compiler][failures] == 0)
        let test = try #require(set.blocks.firstIndex { $0.lines.contains(8) })
        #expect(features[test][failures] > 0 && features[test][location] == 0)
        #expect(features[test][BlockFeatures.names.firstIndex(of: "in_failing_output")!] == 1)
    }

    @Test func theCommittedScorerWeighsEveryFeature_andNamesItsCorpora() {
        #expect(BlockScorer.trained.weights.count == Self.width)
        #expect(BlockScorer.trained.weights.filter { $0 != 0 }.count == Self.width, "a feature without a weight: retrain with `make scorer`")
        #expect(BlockScorer.trained.corpora == ["logchunks", "gha-logs", "gha-bugswarm"])
    }
}
