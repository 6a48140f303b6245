import Foundation

/// A one-shot event a task can await with a deadline (process exit, from Foundation's thread).
final class ExitSignal: @unchecked Sendable {
    private let lock = NSLock()
    private var fired = false
    private var waiters: [CheckedContinuation<Bool, Never>] = []

    func fire() {
        let pending = lock.withLock { () -> [CheckedContinuation<Bool, Never>] in
            fired = true
            defer { waiters = [] }
            return waiters
        }
        for waiter in pending { waiter.resume(returning: true) }
    }

    /// True when fired before `timeout`.
    func wait(timeout: Duration) async -> Bool {
        await withTaskGroup(of: Bool.self) { group in
            group.addTask { await self.waitForever() }
            group.addTask {
                try? await Task.sleep(for: timeout)
                return false
            }
            let first = await group.next() ?? false
            group.cancelAll()
            if !first { self.fire() }
            return first
        }
    }

    private func waitForever() async -> Bool {
        await withCheckedContinuation { continuation in
            let done = lock.withLock { () -> Bool in
                if fired { return true }
                waiters.append(continuation)
                return false
            }
            if done { continuation.resume(returning: true) }
        }
    }
}
