import AutofixMetrics
import Metrics
import Prometheus
import Queue
import Synchronization

/// The process's swift-metrics backend: one Prometheus registry, bootstrapped on first use.
public enum ProcessMetrics {
    public static let registry: PrometheusCollectorRegistry = {
        let registry = PrometheusCollectorRegistry()
        MetricsSystem.bootstrap(PrometheusMetricsFactory(registry: registry))
        return registry
    }()

    /// What `GET /metrics` serves: this process's metrics, then the gauges computed from the database.
    public static func exposition(store: any JobStore) async -> String {
        var text = registry.emitToString()
        if let snapshot = try? await store.metricsSnapshot() {
            text += DatabaseMetricsExporter.render(snapshot)
        }
        return text
    }
}

/// Timer handles for the worker's run durations, one per outcome label (made once each).
final class JobRunTimers: Sendable {
    private let timers = Mutex<[String: Metrics.Timer]>([:])

    func record(_ outcome: String, _ elapsed: Duration) {
        let timer = timers.withLock { timers in
            if let timer = timers[outcome] { return timer }
            let timer = Metrics.Timer(label: MetricNames.jobRunDuration, dimensions: [("outcome", outcome)])
            timers[outcome] = timer
            return timer
        }
        timer.record(duration: elapsed)
    }
}
