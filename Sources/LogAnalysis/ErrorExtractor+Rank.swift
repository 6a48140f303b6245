extension ErrorExtractor {
    /// The rules' blocks in the learned scorer's order (the rules' own order without a scorer, and for ties),
    /// each with the scorer's score (one scale for every log, so blocks of several jobs compare).
    /// The scorer orders, it does not choose: given the chance to swap in a block the rules left out, it lost
    /// more hit@3 on held-out repositories than it won, while ordering alone raised hit@1 on every corpus.
    public func rank(_ set: CandidateSet) -> [ErrorBlock] {
        guard let scorer else { return set.blocks }
        let scored = zip(set.blocks, set.features.map(scorer.score)).enumerated().map { offset, pair in
            var block = pair.0
            block.score = pair.1
            return (offset, block)
        }
        return scored.sorted { a, b in (a.1.score, -a.0) > (b.1.score, -b.0) }.map(\.1)
    }

    /// With a passing log of the same job: the rules' best `top * 4` (at least 12), of which the passing log
    /// keeps the `top` that are news (its discount of partly routine blocks decides which), in the learned
    /// order. The scorer orders after the choice so that it never swaps in a block the rules and the passing
    /// log left out.
    public func blocks(_ lines: [LogLine], totalLines: Int? = nil, passing: PassingLog?, top: Int = 3) -> [ErrorBlock] {
        guard let passing else { return blocks(lines, totalLines: totalLines, top: top) }
        var set = candidates(lines, totalLines: totalLines, top: max(top * 4, 12))
        set.blocks = passing.rerank(set.blocks, text: set.text, top: top)
        return rank(set)
    }
}
