import Foundation
import Synchronization

/// A one-shot event many tasks can await; waiting is cancellable.
final class DrainSignal: Sendable {
    private enum Waiter {
        case waiting(CheckedContinuation<Void, Never>)
        case cancelledEarly
    }

    private struct State {
        var fired = false
        var waiters: [UInt64: Waiter] = [:]
        var nextID: UInt64 = 0
    }

    private let state = Mutex(State())

    var isFired: Bool { state.withLock { $0.fired } }

    func fire() {
        let continuations = state.withLock { state -> [CheckedContinuation<Void, Never>] in
            state.fired = true
            defer { state.waiters.removeAll() }
            return state.waiters.values.compactMap { if case .waiting(let c) = $0 { c } else { nil } }
        }
        continuations.forEach { $0.resume() }
    }

    /// Returns when fired, or at once when the waiting task is cancelled.
    func wait() async {
        let id = state.withLock { state -> UInt64 in
            state.nextID += 1
            return state.nextID
        }
        await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                let resumeNow = state.withLock { state -> Bool in
                    if state.fired { return true }
                    if case .cancelledEarly = state.waiters[id] {
                        state.waiters[id] = nil
                        return true
                    }
                    state.waiters[id] = .waiting(continuation)
                    return false
                }
                if resumeNow { continuation.resume() }
            }
        } onCancel: {
            let continuation = state.withLock { state -> CheckedContinuation<Void, Never>? in
                if case .waiting(let c) = state.waiters[id] {
                    state.waiters[id] = nil
                    return c
                }
                if !state.fired { state.waiters[id] = .cancelledEarly }
                return nil
            }
            continuation?.resume()
        }
    }
}
