import Foundation
import Prometheus
import Queue

/// Prometheus text exposition computed from the database, for `autofix metrics` and a textfile collector.
public enum DatabaseMetricsExporter {
    public static func render(_ snapshot: MetricsSnapshot) -> String {
        let registry = PrometheusCollectorRegistry()
        for state in JobState.allCases {
            registry.makeGauge(descriptor: describe(MetricNames.queueDepth, "Jobs by state."), labels: [("state", state.rawValue)])
                .set(to: Double(snapshot.stats.countsByState[state] ?? 0))
        }
        registry.makeGauge(descriptor: describe(MetricNames.oldestQueuedAge, "How long the oldest claimable job has waited."))
            .set(to: snapshot.stats.oldestQueuedAge?.seconds ?? 0)
        registry.makeGauge(descriptor: describe(MetricNames.queuePaused, "1 while claiming is paused."))
            .set(to: snapshot.stats.paused ? 1 : 0)
        if let rate = snapshot.stats.successRate {
            registry.makeGauge(descriptor: describe(MetricNames.successRate, "Succeeded over succeeded, no_fix and dead in the last 24 hours."))
                .set(to: rate)
        }
        for state in JobState.terminal {
            registry.makeCounter(descriptor: describe(MetricNames.jobsFinished, "Jobs that reached a terminal state."), labels: [("outcome", state.rawValue)])
                .increment(by: snapshot.totals["jobs_finished"]?[state.rawValue] ?? 0)
        }
        registry.makeCounter(descriptor: describe(MetricNames.jobAttempts, "Attempts started (runs)."))
            .increment(by: snapshot.totals["attempts"]?[""] ?? 0)
        for direction in MetricNames.tokenDirections {
            registry.makeCounter(descriptor: describe(MetricNames.llmTokens, "LLM tokens used."), labels: [("direction", direction)])
                .increment(by: snapshot.totals["llm_tokens"]?[direction] ?? 0)
        }
        registry.makeCounter(descriptor: describe(MetricNames.llmCost, "LLM cost in US dollars."))
            .increment(by: snapshot.totals["llm_cost_usd"]?[""] ?? 0)

        renderFixOutcomes(snapshot, registry)

        var byLabel: [String: [Double]] = [:]
        for (stage, durations) in snapshot.stageDurations {
            byLabel[MetricNames.stageLabel(stage), default: []].append(contentsOf: durations)
        }
        for stage in MetricNames.stages + [MetricNames.otherStage] {
            let histogram = registry.makeValueHistogram(
                descriptor: describe(MetricNames.stageDuration, "Pipeline stage durations of retained runs."),
                labels: [("stage", stage)], buckets: MetricNames.stageBuckets)
            byLabel[stage]?.forEach(histogram.record)
        }
        return registry.emitToString()
    }

    /// What became of the autofix pull requests: per-repository figures stay in the SQL views (labels bounded).
    static func renderFixOutcomes(_ snapshot: MetricsSnapshot, _ registry: PrometheusCollectorRegistry) {
        let outcomes = snapshot.fixOutcomes
        for word in FixRates.outcomeWords {
            registry.makeGauge(
                describing: MetricNames.fixOutcomes, "Autofix pull requests opened in the last 30 days, by what became of them.", ("outcome", word)
            )
            .set(to: Double(outcomes.filter { $0.outcome == word }.count))
        }
        for (label, days) in MetricNames.rateWindows {
            let rates = FixRates(outcomes.filter { $0.openedAt >= snapshot.takenAt.addingTimeInterval(-days * 86_400) })
            let ratios: [(String, String, Double?)] = [
                (MetricNames.fixSuccessRatio, "Share of autofix pull requests whose fix branch's CI passed.", rates.success),
                (MetricNames.fixAcceptanceRatio, "Share of autofix pull requests merged.", rates.acceptance),
                (MetricNames.fixFalsePositiveRatio, "Share of autofix pull requests closed unmerged or still red.", rates.falsePositive),
            ]
            for (name, help, value) in ratios {
                guard let value else { continue }
                registry.makeGauge(describing: name, help, ("window", label)).set(to: value)
            }
        }
        let histogram = registry.makeValueHistogram(
            descriptor: describe(MetricNames.timeToFix, "Seconds from the failure to the first green CI on the fix branch."), labels: [],
            buckets: MetricNames.timeToFixBuckets)
        outcomes.compactMap(\.secondsToGreen).forEach(histogram.record)
    }

    static func describe(_ name: String, _ help: String) -> MetricNameDescriptor {
        MetricNameDescriptor(metricName: name, unitName: "", helpText: help)
    }
}

extension PrometheusCollectorRegistry {
    fileprivate func makeGauge(describing name: String, _ help: String, _ label: (String, String)) -> Gauge {
        makeGauge(descriptor: DatabaseMetricsExporter.describe(name, help), labels: [label])
    }
}
