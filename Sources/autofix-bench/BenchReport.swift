import Foundation

/// One figure beside its baseline.
struct BenchRow {
    var id: String
    var title: String
    var ours: Double
    var baseline: Double
    var unit: String
    var baselineName: String
    var ratio: Double
    var target: String
    /// nil where the issue sets no target.
    var pass: Bool?
}

/// All figures of one `make bench` run.
struct BenchReport {
    var rows: [BenchRow] = []

    func text() -> String {
        var lines = ["ci-autofix queue benchmark (\(ProcessInfo.processInfo.activeProcessorCount) cores)"]
        for row in rows {
            let verdict = row.pass.map { $0 ? "PASS" : "FAIL" } ?? ""
            lines.append(row.title)
            lines.append(
                String(
                    format: "    autofix %10.2f %@   %@ %10.2f %@   ratio %.2f×   target %@  %@",
                    row.ours, row.unit, row.baselineName, row.baseline, row.unit, row.ratio, row.target, verdict))
        }
        return lines.joined(separator: "\n")
    }

    func json() -> String {
        let objects = rows.map { row -> [String: Any] in
            [
                "id": row.id, "title": row.title, "autofix": row.ours, "baseline": row.baseline, "unit": row.unit,
                "baseline_name": row.baselineName, "ratio": row.ratio, "target": row.target, "pass": row.pass ?? NSNull(),
            ]
        }
        let data = try? JSONSerialization.data(withJSONObject: ["benchmarks": objects], options: [.prettyPrinted, .sortedKeys])
        return String(decoding: data ?? Data(), as: UTF8.self)
    }
}
