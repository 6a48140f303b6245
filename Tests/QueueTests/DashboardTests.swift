import AutofixMetrics
import Foundation
import Queue
import Testing

@Suite struct DashboardTests {
    /// Every metric the dashboard queries is one we expose (or a histogram's series of one).
    @Test func grafanaDashboard_queriesOnlyDeclaredMetrics() throws {
        let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("deploy/grafana/autofix.json")
        let dashboard = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: path)) as? [String: Any])
        let panels = try #require(dashboard["panels"] as? [[String: Any]])
        let expressions = panels.flatMap { ($0["targets"] as? [[String: Any]] ?? []).compactMap { $0["expr"] as? String } }
        #expect(expressions.count >= 10)
        let declared = Set([
            MetricNames.jobsFinished, MetricNames.jobAttempts, MetricNames.queueDepth, MetricNames.oldestQueuedAge,
            MetricNames.queuePaused, MetricNames.successRate, MetricNames.llmTokens, MetricNames.llmCost, MetricNames.httpRequests,
            MetricNames.stageDuration + "_bucket", MetricNames.fixOutcomes, MetricNames.fixSuccessRatio, MetricNames.fixAcceptanceRatio,
            MetricNames.fixFalsePositiveRatio, MetricNames.timeToFix + "_bucket",
        ])
        for expression in expressions {
            let names = expression.matches(of: /autofix_[a-z0-9_]+/).map { String($0.output) }
            #expect(!names.isEmpty)
            for name in names { #expect(declared.contains(name), "\(name) in \(expression) is not exposed") }
        }
    }

    /// The outcome metrics agree with the records they come from.
    @Test func fixOutcomeMetrics_countTheRecords_andTheirRates() throws {
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        func record(_ number: Int, daysAgo: Double, ci: FixOutcome.CIState, pull: FixOutcome.PullState, green: Double?) -> FixOutcome {
            let opened = now.addingTimeInterval(-daysAgo * 86_400)
            return FixOutcome(
                repo: "o/r", pullNumber: number, jobID: nil, branch: "ci/autofix-\(number)", failedAt: opened.addingTimeInterval(-60), openedAt: opened, ci: ci,
                firstGreenAt: green.map { opened.addingTimeInterval(-60 + $0) }, pull: pull, updatedAt: opened)
        }
        let snapshot = MetricsSnapshot(
            stats: QueueStats(countsByState: [:], oldestQueuedAge: nil, successRate: nil, finishedInWindow: 0, paused: false), totals: [:],
            stageDurations: [:],
            fixOutcomes: [
                record(1, daysAgo: 1, ci: .passed, pull: .merged, green: 240), record(2, daysAgo: 2, ci: .failed, pull: .open, green: nil),
                record(3, daysAgo: 20, ci: .passed, pull: .open, green: 120), record(4, daysAgo: 25, ci: .pending, pull: .closedUnmerged, green: nil),
            ], takenAt: now)
        let text = DatabaseMetricsExporter.render(snapshot)
        #expect(text.contains(#"autofix_fix_outcomes{outcome="merged"} 1"#))
        #expect(text.contains(#"autofix_fix_outcomes{outcome="ci_failed"} 1"#))
        #expect(text.contains(#"autofix_fix_outcomes{outcome="ci_passed"} 1"#))
        #expect(text.contains(#"autofix_fix_outcomes{outcome="closed_unmerged"} 1"#))
        #expect(text.contains(#"autofix_fix_success_ratio{window="7d"} 0.5"#))
        #expect(text.contains(#"autofix_fix_success_ratio{window="30d"} 0.5"#))
        #expect(text.contains(#"autofix_fix_false_positive_ratio{window="30d"} 0.5"#))
        #expect(text.contains(#"autofix_fix_acceptance_ratio{window="7d"} 0.5"#))
        #expect(text.contains("autofix_time_to_fix_seconds_count 2"))
        #expect(text.contains("autofix_time_to_fix_seconds_sum 360"))
    }
}
