import Synchronization

/// Closes the connection of an attempt that ran past its deadline. A query on a connection the server
/// dropped can wait forever and ignores task cancellation (seen with pg_terminate_backend); closing the
/// connection fails the query, and the attempt counts as a lost connection. One loop for the store
/// rather than a timer task per attempt: on a small machine the timers' thread wake-ups cost more than
/// the statements they guarded.
final class AttemptWatchdog: Sendable {
    private struct State {
        var next = 0
        var open: [Int: (deadline: ContinuousClock.Instant, held: HeldConnection)] = [:]
    }

    private let state = Mutex(State())
    let tick: Duration

    init(tick: Duration = .milliseconds(100)) {
        self.tick = tick
    }

    /// Watches `held` until `release`; past `timeout` its connection is closed.
    func watch(_ held: HeldConnection, timeout: Duration) -> Int {
        let deadline = ContinuousClock.now.advanced(by: timeout)
        return state.withLock { state in
            state.next += 1
            state.open[state.next] = (deadline, held)
            return state.next
        }
    }

    func release(_ id: Int) {
        _ = state.withLock { $0.open.removeValue(forKey: id) }
    }

    /// Checks the open attempts every `tick` until the task is cancelled.
    func run() async {
        while !Task.isCancelled {
            do { try await Task.sleep(for: tick) } catch { return }
            let now = ContinuousClock.now
            let expired = state.withLock { state in
                let ids = state.open.filter { $0.value.deadline <= now }.map(\.key)
                return ids.compactMap { state.open.removeValue(forKey: $0)?.held }
            }
            for held in expired {
                held.expire()
                try? await held.take()?.close()
            }
        }
    }
}
