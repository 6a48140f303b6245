import Foundation
import Queue

/// Renders jobs, runs and stats for the operator CLI: aligned text or JSON.
public enum JobPresenter {
    public static func table(_ jobs: [Job], now: Date = Date()) -> String {
        var rows = [["ID", "STATE", "KIND", "REPO", "RUN", "ATTEMPTS", "AGE", "LAST ERROR"]]
        for job in jobs {
            rows.append([
                "\(job.id)", job.state.rawValue, job.kind, job.repo ?? "-", runLabel(job),
                "\(job.attempts)/\(job.maxAttempts)", DurationText.format(.milliseconds(Int64(now.timeIntervalSince(job.createdAt) * 1000))),
                String((job.lastError ?? "").prefix(60)),
            ])
        }
        return align(rows)
    }

    public static func detail(_ job: Job, runs: [RunRecord], now: Date = Date()) -> String {
        var lines = [
            "job \(job.id)  \(job.kind)  \(job.state.rawValue)\(job.cancelRequested ? " (cancel requested)" : "")",
            "  repo:      \(job.repo ?? "-")   run: \(runLabel(job))",
            "  attempts:  \(job.attempts)/\(job.maxAttempts)   priority: \(job.priority)",
            "  created:   \(iso(job.createdAt))   run at: \(iso(job.runAt))",
        ]
        if let owner = job.leaseOwner, let until = job.leaseUntil { lines.append("  lease:     \(owner) until \(iso(until))") }
        if let finished = job.finishedAt { lines.append("  finished:  \(iso(finished))") }
        if let url = job.prURL { lines.append("  pull request: \(url)") }
        if let error = job.lastError { lines.append("  last error: \(error)") }
        let tokensIn = runs.reduce(0) { $0 + $1.tokensIn }
        let tokensOut = runs.reduce(0) { $0 + $1.tokensOut }
        let cost = runs.reduce(0) { $0 + $1.costUSD }
        lines.append("  llm:       \(tokensIn) tokens in, \(tokensOut) out, $\(String(format: "%.4f", cost))")
        lines.append("  payload:   \(job.payload)")
        for run in runs {
            let ended = run.finishedAt.map { " → \(iso($0)) (\(String(format: "%.3f", $0.timeIntervalSince(run.startedAt)))s)" } ?? ""
            lines.append("run \(run.id)  attempt \(run.attempt)  \(run.outcome)  on \(run.workerID)  \(iso(run.startedAt))\(ended)")
            if let error = run.error { lines.append("    error: \(error)") }
            if run.tokensIn + run.tokensOut > 0 {
                lines.append("    llm: \(run.tokensIn) in, \(run.tokensOut) out, $\(String(format: "%.4f", run.costUSD)), prompt \(run.promptVersion ?? "-")")
            }
            for stage in run.stages {
                let detail = stage.detail.map { "  \($0)" } ?? ""
                lines.append(
                    "    \(stage.stage.padding(toLength: 16, withPad: " ", startingAt: 0)) \(String(format: "%8.3f", stage.duration.seconds))s  \(stage.outcome)\(detail)"
                )
            }
        }
        return lines.joined(separator: "\n")
    }

    public static func stats(_ stats: QueueStats) -> String {
        var lines = JobState.allCases.map { "\($0.rawValue.padding(toLength: 10, withPad: " ", startingAt: 0)) \(stats.countsByState[$0] ?? 0)" }
        lines.append("oldest queued: \(stats.oldestQueuedAge.map(DurationText.format) ?? "-")")
        let rate = stats.successRate.map { String(format: "%.1f%%", $0 * 100) } ?? "-"
        lines.append("success rate (24h): \(rate) of \(stats.finishedInWindow) finished")
        lines.append("claiming: \(stats.paused ? "paused" : "active")")
        return lines.joined(separator: "\n")
    }

    public static func statsObject(_ stats: QueueStats) -> [String: Any] {
        [
            "counts": Dictionary(uniqueKeysWithValues: JobState.allCases.map { ($0.rawValue, stats.countsByState[$0] ?? 0) }),
            "oldest_queued_age_seconds": stats.oldestQueuedAge.map(\.seconds) ?? NSNull(),
            "success_rate_24h": stats.successRate ?? NSNull(), "finished_24h": stats.finishedInWindow, "paused": stats.paused,
        ]
    }

    static func runLabel(_ job: Job) -> String {
        guard let data = job.payload.data(using: .utf8),
            let payload = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
            let run = payload["run_id"]
        else { return "-" }
        return "\(run)#\(payload["run_attempt"] ?? 1)"
    }

    static func iso(_ date: Date) -> String { JobJSON.iso(date) }

    static func align(_ rows: [[String]]) -> String {
        guard let first = rows.first else { return "" }
        let widths = first.indices.map { column in rows.map { $0[column].count }.max() ?? 0 }
        return rows.map { row in
            row.enumerated().map { index, cell in
                index == row.count - 1 ? cell : cell.padding(toLength: widths[index], withPad: " ", startingAt: 0)
            }.joined(separator: "  ").trimmingCharacters(in: .whitespaces)
        }.joined(separator: "\n")
    }
}
