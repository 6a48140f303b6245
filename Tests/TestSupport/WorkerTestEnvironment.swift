import Foundation

/// The environment a test's `autofix` processes share: this process's, without any `AUTOFIX_*` of the
/// developer's, over `database`, with timings fast enough for crash recovery and retries within a test.
public enum WorkerTestEnvironment {
    public static func fast(database: String) -> [String: String] {
        var env = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("AUTOFIX_") && $0.key != "NOTIFY_SOCKET" }
        env["AUTOFIX_DATABASE"] = database
        env["AUTOFIX_WORKER_POLL_INTERVAL"] = "20ms"
        // Long enough that a worker starved of CPU on a loaded machine (tests run in parallel on two cores) still
        // heartbeats in time: one second once expired a lease mid-attempt. A killed worker's jobs wait this long.
        env["AUTOFIX_WORKER_LEASE"] = "5s"
        env["AUTOFIX_WORKER_RESCUE_INTERVAL"] = "200ms"
        env["AUTOFIX_RETRY_BASE"] = "10ms"
        env["AUTOFIX_RETRY_CAP"] = "50ms"
        return env
    }
}
