import Synchronization

/// Wakes a waiting worker pool early: a store that hears of new work (PostgreSQL's NOTIFY) signals it,
/// and the pool's poll interval becomes the fallback. A signal nobody waits for is kept, so a wake-up
/// that arrives while the pool is busy claiming is not lost; at worst the pool claims once for nothing.
public final class WakeSignal: Sendable {
    private struct State {
        var pending = false
        var nextID = 0
        var waiters: [Int: CheckedContinuation<Void, Never>] = [:]
    }

    private let state = Mutex(State())

    public init() {}

    public func signal() {
        let waiters = state.withLock { state in
            let waiters = state.waiters
            state.waiters = [:]
            if waiters.isEmpty { state.pending = true }
            return waiters
        }
        for waiter in waiters.values { waiter.resume() }
    }

    /// Returns at the next signal (or at once if one is pending), or after `timeout`, or on cancellation.
    public func wait(timeout: Duration) async {
        await withTaskGroup(of: Void.self) { group in
            group.addTask { try? await Task.sleep(for: timeout) }
            group.addTask { await self.nextSignal() }
            await group.next()
            group.cancelAll()
        }
    }

    private func nextSignal() async {
        let id = state.withLock { state in
            state.nextID += 1
            return state.nextID
        }
        await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                let resumeNow = state.withLock { state in
                    if state.pending || Task.isCancelled {
                        state.pending = false
                        return true
                    }
                    state.waiters[id] = continuation
                    return false
                }
                if resumeNow { continuation.resume() }
            }
        } onCancel: {
            state.withLock { $0.waiters.removeValue(forKey: id) }?.resume()
        }
    }
}
