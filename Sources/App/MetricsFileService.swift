import Foundation
import Prometheus
import ServiceLifecycle

/// Writes the process's metrics for node_exporter's textfile collector: atomically (temporary
/// file, then rename) every `interval`, and once more on shutdown.
public struct MetricsFileService: Service {
    let path: String
    let registry: PrometheusCollectorRegistry
    let interval: Duration

    public init(path: String, registry: PrometheusCollectorRegistry, interval: Duration = .seconds(15)) {
        self.path = path
        self.registry = registry
        self.interval = interval
    }

    public func run() async throws {
        while !Task.isShuttingDownGracefully && !Task.isCancelled {
            write()
            try? await cancelWhenGracefulShutdown { try await Task.sleep(for: interval) }
        }
        write()
    }

    func write() {
        try? Data(registry.emitToString().utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
    }
}
