import AutofixMetrics
import Metrics
import Prometheus
import Queue

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
