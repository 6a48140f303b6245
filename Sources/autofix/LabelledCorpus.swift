import AutofixCLI
import Foundation
import LogAnalysis

/// A labelled corpus folder (../shared/corpus/README.md): `logchunks.jsonl` (chunk_lines) or `index.jsonl`
/// (labeled_error_lines), each log with its labelled lines, repository and group.
struct LabelledCorpus {
    struct Case {
        var group: String
        var path: String
        var labelled: Set<Int>
        /// Lowercased: GitHub's names are case-insensitive, and one repository is one fold.
        var repository: String
        var passing: String?
    }

    let folder: URL
    let cases: [Case]

    /// The folder's name: how a scorer's manifest names its corpora.
    var name: String { folder.standardizedFileURL.lastPathComponent }

    init(_ path: String) throws {
        folder = URL(fileURLWithPath: path)
        var cases: [Case] = []
        if let rows = try? Self.rows(folder.appendingPathComponent("logchunks.jsonl")) {
            for row in rows {
                guard let lines = row["chunk_lines"] as? [String: Any], let start = lines["start_line"] as? Int,
                    let end = lines["end_line"] as? Int, end >= start, let path = row["log_path"] as? String
                else { continue }
                cases.append(
                    Case(
                        group: row["language"] as? String ?? "all", path: path, labelled: Set(start...end),
                        repository: (row["repo"] as? String ?? path).lowercased()))
            }
        } else if let rows = try? Self.rows(folder.appendingPathComponent("index.jsonl")) {
            for row in rows {
                guard let labelled = row["labeled_error_lines"] as? [Int], !labelled.isEmpty, let path = row["file"] as? String else { continue }
                // Without a repository, logs of one source (the id's part before `:`, `cidiff:cidiff_11`) are one
                // repository: a fold must not split what may be one project's runs.
                let source = (row["id"] as? String).map { String($0.prefix { $0 != ":" }) }
                let repository = ((row["ci_repo"] as? String) ?? (row["repo"] as? String) ?? source ?? path).lowercased()
                cases.append(
                    Case(
                        group: row["format"] as? String ?? "all", path: path, labelled: Set(labelled), repository: repository,
                        passing: row["passing_counterpart"] as? String))
            }
        } else {
            throw UsageError(message: "\(path) has neither logchunks.jsonl nor index.jsonl")
        }
        self.cases = cases
    }

    func path(_ relative: String) -> String { folder.appendingPathComponent(relative).path }

    /// Every log's candidate blocks as the worker finds them (the streaming scan), in the index's order.
    func candidates(top: Int = 3, _ streaming: StreamingExtractor = StreamingExtractor()) throws -> [CandidateSet] {
        try cases.map { item in
            let scan = try LogFile.scan(path(item.path), streaming)
            return streaming.extractor.candidates(scan.candidates, totalLines: scan.totalLines, top: top)
        }
    }

    /// Every log as the scorer learns from it: the rules' best `ScorerTraining.pool` blocks and which cover a
    /// labelled line, with the log's repository (for leaving a fold's repositories out).
    func trainingLogs() throws -> [(repository: String, log: ScorerTraining.Log)] {
        zip(cases, try candidates(top: ScorerTraining.pool)).map { ($0.repository, ScorerTraining.Log($1, labelled: $0.labelled)) }
    }

    static func rows(_ url: URL) throws -> [[String: Any]] {
        let text = try String(contentsOf: url, encoding: .utf8)
        return text.split(separator: "\n").compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
    }
}
