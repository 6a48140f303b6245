import Synchronization

/// A beat every `interval` that any number of tasks wait for: the pool's heartbeats share one timer
/// instead of arming one per job (each a thread wake-up, which for short jobs cost more than the job).
/// A waiter's first beat comes within one interval of its wait, which is all a heartbeat needs.
final class Ticker: Sendable {
    private struct State {
        var next = 0
        var waiters: [Int: CheckedContinuation<Void, any Error>] = [:]
    }

    private let state = Mutex(State())
    let interval: Duration

    init(interval: Duration) {
        self.interval = interval
    }

    /// Returns at the next beat; throws `CancellationError` when the waiting task is cancelled.
    func next() async throws {
        let id = state.withLock { state in
            state.next += 1
            return state.next
        }
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
                let cancelled = state.withLock { state in
                    if Task.isCancelled { return true }
                    state.waiters[id] = continuation
                    return false
                }
                if cancelled { continuation.resume(throwing: CancellationError()) }
            }
        } onCancel: {
            state.withLock { $0.waiters.removeValue(forKey: id) }?.resume(throwing: CancellationError())
        }
    }

    /// Beats until the task is cancelled.
    func run() async {
        while true {
            do { try await Task.sleep(for: interval) } catch { return }
            let waiters = state.withLock { state in
                defer { state.waiters = [:] }
                return state.waiters
            }
            for waiter in waiters.values { waiter.resume() }
        }
    }
}
