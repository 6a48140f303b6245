import Foundation
import ServiceLifecycle
import Synchronization

/// Pings systemd's watchdog at half its period, but only while the worker loop keeps turning:
/// a wedged worker stops the pings and systemd restarts it.
public final class WatchdogService: Service {
    let notifier: SystemdNotifier
    let interval: Duration
    private let lastAlive = Mutex(ContinuousClock.now)

    public init(notifier: SystemdNotifier, interval: Duration) {
        self.notifier = notifier
        self.interval = interval
    }

    public func markAlive() {
        lastAlive.withLock { $0 = .now }
    }

    public func run() async throws {
        let period = interval / 2
        while !Task.isShuttingDownGracefully {
            if ContinuousClock.now - lastAlive.withLock({ $0 }) < interval {
                notifier.notify("WATCHDOG=1")
            }
            try? await cancelWhenGracefulShutdown { try await Task.sleep(for: period) }
            if Task.isCancelled { return }
        }
    }
}
