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

    static func describe(_ name: String, _ help: String) -> MetricNameDescriptor {
        MetricNameDescriptor(metricName: name, unitName: "", helpText: help)
    }
}
