import AutofixMetrics
import Foundation
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
            MetricNames.stageDuration + "_bucket",
        ])
        for expression in expressions {
            let names = expression.matches(of: /autofix_[a-z0-9_]+/).map { String($0.output) }
            #expect(!names.isEmpty)
            for name in names { #expect(declared.contains(name), "\(name) in \(expression) is not exposed") }
        }
    }
}
