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

    func run() throws {
        if let folds, !(2...20).contains(folds) { throw UsageError(message: "--folds must be from 2 to 20") }
        let folder = URL(fileURLWithPath: corpus)
        var cases: [(group: String, path: String, labelled: Set<Int>, repository: String, passing: String?)] = []
        if let rows = try? Self.rows(folder.appendingPathComponent("logchunks.jsonl")) {
            for row in rows {
                guard let lines = row["chunk_lines"] as? [String: Any], let start = lines["start_line"] as? Int,
                    let end = lines["end_line"] as? Int, end >= start, let path = row["log_path"] as? String
                else { continue }
                cases.append((row["language"] as? String ?? "all", path, Set(start...end), (row["repo"] as? String ?? path).lowercased(), nil))
            }
        } else if let rows = try? Self.rows(folder.appendingPathComponent("index.jsonl")) {
            for row in rows {
                guard let labelled = row["labeled_error_lines"] as? [Int], !labelled.isEmpty, let path = row["file"] as? String else { continue }
                // GitHub's names are case-insensitive: one repository, one fold.
                let repository = ((row["ci_repo"] as? String) ?? (row["repo"] as? String) ?? (row["id"] as? String) ?? path).lowercased()
                cases.append((row["format"] as? String ?? "all", path, Set(labelled), repository, row["passing_counterpart"] as? String))
            }
        } else {
            throw UsageError(message: "\(corpus) has neither logchunks.jsonl nor index.jsonl")
        }
        guard ["stream", "lines"].contains(engine) else { throw UsageError(message: "--engine must be stream or lines") }
        if withPassing {
            cases = cases.filter { $0.passing != nil }
            guard !cases.isEmpty else { throw UsageError(message: "no log in \(corpus) names a passing counterpart") }
        }
        let extractor = ErrorExtractor()
        let streaming = StreamingExtractor()
        var scores: [(String, ExtractionScore)] = []
        var without: [ExtractionScore] = []
        for item in cases {
            let path = folder.appendingPathComponent(item.path).path
            let ranked = withPassing ? 12 : 3
            var blocks: [ErrorBlock]
            var texts: [Int: String] = [:]
            if engine == "lines" {
                let lines = LogReader.lines(try LogFile.read(path))
                blocks = extractor.blocks(lines, top: ranked)
                if withPassing { for line in lines { texts[line.number] = line.text } }
            } else {
                let scan = try LogFile.scan(path, streaming)
                blocks = streaming.blocks(scan, top: ranked)
                if withPassing { for line in scan.candidates { texts[line.number] = line.text } }
            }
            if withPassing, let passing = item.passing {
                without.append(ExtractionScore(labelled: item.labelled, blocks: Array(blocks.prefix(3))))
                let routine = PassingLog(LogReader.lines(try LogFile.read(folder.appendingPathComponent(passing).path)))
                blocks = routine.rerank(blocks, text: { texts[$0] }, top: 3)
            }
            scores.append((item.group, ExtractionScore(labelled: item.labelled, blocks: blocks)))
        }
        if let folds {
            let split = CorpusFolds(repositories: Dictionary(grouping: cases, by: \.repository).mapValues(\.count), folds: folds)
            let fold = cases.map { split.foldOf[$0.repository] ?? 0 }
            try printFolds(scores.map(\.1), fold: fold, repositories: cases.map(\.repository), count: folds)
            return
        }
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
                        ["group": name, "logs": n, "hit_at_1": s.hitAt1, "hit_at_3": s.hitAt3, "recall": s.recall, "precision": s.precision, "f1": s.f1]
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

    typealias Summary = (hitAt1: Double, hitAt3: Double, recall: Double, precision: Double, f1: Double)

    /// Each fold's figures, their mean (the held-out headline), and the whole corpus beside them.
    func printFolds(_ scores: [ExtractionScore], fold: [Int], repositories: [String], count: Int) throws {
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

    static func rows(_ url: URL) throws -> [[String: Any]] {
        let text = try String(contentsOf: url, encoding: .utf8)
        return text.split(separator: "\n").compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
    }
}
