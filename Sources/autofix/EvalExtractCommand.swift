import ArgumentParser
import AutofixCLI
import Foundation
import LogAnalysis
import Queue

/// `autofix eval-extract`: the corpus metric (hit@1, hit@3, recall, precision, F1) on a labelled folder.
struct EvalExtractCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval-extract",
        abstract: "Measure the extractor on a labelled corpus: logchunks.jsonl (chunk_lines) or index.jsonl (labeled_error_lines).")

    @Argument(help: "Corpus folder.") var corpus: String
    @Flag(help: "Print JSON.") var json = false
    @Option(help: "stream (the byte-level scanner the worker uses) or lines (whole log in memory, for comparison).") var engine = "stream"
    @Option(
        help: ArgumentHelp(
            "Split the corpus by repository into K folds and report each fold, their mean and the whole corpus.",
            discussion: "A log without a repository in the index is a repository of its own."))
    var folds: Int?
    @Flag(help: "Where the index names a passing log of the same job (passing_counterpart), rank with it; report only those logs.")
    var withPassing = false
    @Option(help: "learned (the committed block scorer; with --folds, one retrained per fold without its repositories) or rules (the rules' order).")
    var scorer = "learned"
    @Option(
        help: ArgumentHelp(
            "With --folds: a corpus the learned scorer trains on (repeatable).",
            discussion: "By default the corpora the committed scorer was trained on, found beside the corpus measured."))
    var trainOn: [String] = []
    @Option(help: "With --folds: list the logs of fold N whose top blocks miss every labelled line (to read only the folds you will not report).")
    var missesOfFold: Int?

    func run() throws {
        if let folds, !(2...20).contains(folds) { throw UsageError(message: "--folds must be from 2 to 20") }
        guard ["stream", "lines"].contains(engine) else { throw UsageError(message: "--engine must be stream or lines") }
        guard ["learned", "rules"].contains(scorer) else { throw UsageError(message: "--scorer must be learned or rules") }
        let corpus = try LabelledCorpus(self.corpus)
        var cases = corpus.cases
        if withPassing {
            cases = cases.filter { $0.passing != nil }
            guard !cases.isEmpty else { throw UsageError(message: "no log in \(self.corpus) names a passing counterpart") }
        }
        let streaming = StreamingExtractor()
        let ranked = withPassing ? 12 : 3
        // Each log is scanned once; its candidates are ranked by whichever scorer a fold has.
        let sets = try cases.map { item in
            let path = corpus.path(item.path)
            if engine == "lines" { return streaming.extractor.candidates(LogReader.lines(try LogFile.read(path)), top: ranked) }
            let scan = try LogFile.scan(path, streaming)
            return streaming.extractor.candidates(scan.candidates, totalLines: scan.totalLines, top: ranked)
        }
        var without: [ExtractionScore] = []
        func score(_ index: Int, _ fitted: BlockScorer?) throws -> ExtractionScore {
            var extractor = streaming.extractor
            extractor.scorer = fitted
            var set = sets[index]
            if withPassing, let passing = cases[index].passing {
                // The rules' best 12 were kept for the passing log to choose from; without it, their best 3.
                var alone = set
                alone.blocks = Array(set.blocks.prefix(3))
                without.append(ExtractionScore(labelled: cases[index].labelled, blocks: extractor.rank(alone)))
                let routine = PassingLog(LogReader.lines(try LogFile.read(corpus.path(passing))))
                set.blocks = routine.rerank(set.blocks, text: set.text, top: 3)
            }
            return ExtractionScore(labelled: cases[index].labelled, blocks: extractor.rank(set))
        }
        let committed: BlockScorer? = scorer == "learned" ? .trained : nil
        if let folds {
            let split = CorpusFolds(repositories: Dictionary(grouping: cases, by: \.repository).mapValues(\.count), folds: folds)
            let fold = cases.map { split.foldOf[$0.repository] ?? 0 }
            let training = committed == nil ? [] : try trainingLogs()
            let ranking =
                committed == nil
                ? "the rules alone" : "a scorer retrained for each fold on \(trainingNames.joined(separator: ", ")) without the fold's repositories"
            var scores = [ExtractionScore?](repeating: nil, count: cases.count)
            for index in 0..<folds {
                let members = cases.indices.filter { fold[$0] == index }
                let held = Set(members.map { cases[$0].repository })
                // Trained on every other repository: the fold's own logs, and any log of its repositories in
                // another corpus, are never seen.
                let fitted = committed == nil ? nil : ScorerTraining().train(training.filter { !held.contains($0.repository) }.map(\.log), corpora: [])
                for member in members {
                    scores[member] = try score(member, fitted)
                    if missesOfFold == index + 1, scores[member]?.hitAt3 == 0 { printMiss(cases[member], sets[member]) }
                }
            }
            if !json { printLine("ranked by \(ranking)") }
            try printFolds(scores.map { $0! }, fold: fold, repositories: cases.map(\.repository), count: folds, ranking: ranking)
            return
        }
        // The committed scorer saw every log of the corpora it was trained on: figures on those are in-sample.
        let ranking =
            committed == nil
            ? "the rules alone"
            : BlockScorer.trained.corpora.contains(corpus.name)
                ? "the committed scorer, trained on this corpus (in-sample: --folds gives held-out figures)"
                : "the committed scorer, trained on \(BlockScorer.trained.corpora.joined(separator: ", "))"
        if !json { printLine("ranked by \(ranking)") }
        let scores = try cases.indices.map { (cases[$0].group, try score($0, committed)) }
        let groups = Dictionary(grouping: scores, by: \.0).mapValues { $0.map(\.1) }
        var table: [(String, Int, (hitAt1: Double, hitAt3: Double, recall: Double, precision: Double, f1: Double))] = [
            (withPassing ? "with passing log" : "overall", scores.count, ExtractionScore.summary(scores.map(\.1)))
        ]
        // The same logs ranked without their passing counterparts: the comparison the flag is for.
        if withPassing { table.insert(("without passing log", without.count, ExtractionScore.summary(without)), at: 0) }
        for (group, items) in groups.sorted(by: { $0.key < $1.key }) { table.append((group, items.count, ExtractionScore.summary(items))) }
        if json {
            printLine(
                JobJSON.text(
                    table.map { name, n, s in
                        [
                            "group": name, "logs": n, "hit_at_1": s.hitAt1, "hit_at_3": s.hitAt3, "recall": s.recall, "precision": s.precision, "f1": s.f1,
                            "ranking": ranking,
                        ] as [String: Any]
                    }))
            return
        }
        printLine("group                  logs  hit@1  hit@3  recall  precision     F1")
        for (name, n, s) in table {
            printLine(
                String(
                    format: "%-20@ %6d %6.1f %6.1f %7.1f %10.1f %6.1f", name.padding(toLength: 20, withPad: " ", startingAt: 0),
                    n, s.hitAt1 * 100, s.hitAt3 * 100, s.recall * 100, s.precision * 100, s.f1 * 100))
        }
    }

    func printMiss(_ item: LabelledCorpus.Case, _ set: CandidateSet) {
        let labelled = item.labelled.sorted()
        let blocks = set.blocks.map { "\($0.startLine)-\($0.endLine) \($0.rule)" }.joined(separator: ", ")
        printLine("miss: \(item.path): labelled \(labelled.first!)…\(labelled.last!) (\(labelled.count) lines); blocks \(blocks)")
    }

    /// The corpora the scorer trains on: `--train-on`, or those the committed scorer names, beside the corpus measured.
    var trainingPaths: [String] {
        if !trainOn.isEmpty { return trainOn }
        let parent = URL(fileURLWithPath: corpus).standardizedFileURL.deletingLastPathComponent()
        return BlockScorer.trained.corpora.map { parent.appendingPathComponent($0).path }
            .filter { FileManager.default.fileExists(atPath: $0) }
    }

    var trainingNames: [String] { trainingPaths.map { URL(fileURLWithPath: $0).standardizedFileURL.lastPathComponent } }

    /// Every training log's candidates and labels, with its repository (to leave a fold's repositories out).
    func trainingLogs() throws -> [(repository: String, log: ScorerTraining.Log)] {
        if trainOn.isEmpty {
            let missing = Set(BlockScorer.trained.corpora).subtracting(trainingNames)
            guard missing.isEmpty else {
                let parent = URL(fileURLWithPath: corpus).standardizedFileURL.deletingLastPathComponent().path
                throw UsageError(
                    message:
                        "held-out figures retrain the scorer without each fold on the corpora it was trained on; \(missing.sorted().joined(separator: ", ")) not found in \(parent): name them with --train-on, or measure --scorer rules"
                )
            }
        }
        return try trainingPaths.flatMap { try LabelledCorpus($0).trainingLogs() }
    }

    typealias Summary = (hitAt1: Double, hitAt3: Double, recall: Double, precision: Double, f1: Double)

    /// Each fold's figures, their mean (the held-out headline), and the whole corpus beside them.
    func printFolds(_ scores: [ExtractionScore], fold: [Int], repositories: [String], count: Int, ranking: String) throws {
        var rows: [(name: String, logs: Int, repositories: Int, summary: Summary)] = []
        for index in 0..<count {
            let members = scores.indices.filter { fold[$0] == index }
            rows.append(("fold \(index + 1)", members.count, Set(members.map { repositories[$0] }).count, ExtractionScore.summary(members.map { scores[$0] })))
        }
        // A fold without logs (fewer repositories than folds) has no figure; the mean is over the others.
        let perFold = rows.filter { $0.logs > 0 }.map(\.summary)
        func mean(_ value: (Summary) -> Double) -> Double { perFold.map(value).reduce(0, +) / Double(max(perFold.count, 1)) }
        let recall = mean(\.recall)
        let precision = mean(\.precision)
        let averaged: Summary = (
            mean(\.hitAt1), mean(\.hitAt3), recall, precision, recall + precision > 0 ? 2 * recall * precision / (recall + precision) : 0
        )
        rows.append(("mean of \(perFold.count) folds", scores.count, Set(repositories).count, averaged))
        rows.append(("whole corpus", scores.count, Set(repositories).count, ExtractionScore.summary(scores)))
        if json {
            printLine(
                JobJSON.text(
                    rows.map { row in
                        [
                            "group": row.name, "logs": row.logs, "repositories": row.repositories, "hit_at_1": row.summary.hitAt1,
                            "hit_at_3": row.summary.hitAt3, "recall": row.summary.recall, "precision": row.summary.precision, "f1": row.summary.f1,
                            "ranking": ranking,
                        ] as [String: Any]
                    }))
            return
        }
        printLine("repository-grouped folds  logs  repos  hit@1  hit@3  recall  precision     F1")
        for row in rows {
            guard row.logs > 0 else {
                printLine("\(row.name.padding(toLength: 24, withPad: " ", startingAt: 0))      0      0  (no repository left for this fold)")
                continue
            }
            let s = row.summary
            printLine(
                String(
                    format: "%-24@ %6d %6d %6.1f %6.1f %7.1f %10.1f %6.1f", row.name.padding(toLength: 24, withPad: " ", startingAt: 0), row.logs,
                    row.repositories, s.hitAt1 * 100, s.hitAt3 * 100, s.recall * 100, s.precision * 100, s.f1 * 100))
        }
    }

}
