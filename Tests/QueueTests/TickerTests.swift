import Synchronization
import TestSupport
import Testing

@testable import Queue

/// The pool's one heartbeat timer: every waiter is released at a beat, and a cancelled waiter at once.
@Suite("heartbeat ticker")
struct TickerTests {
    final class Released: Sendable {
        let count = Atomic(0)
    }

    @Test func everyTaskWaiting_isReleasedByOneBeat() async throws {
        let ticker = Ticker(interval: .milliseconds(20))
        let released = Released()
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<50 {
                group.addTask {
                    try await ticker.next()
                    released.count.add(1, ordering: .relaxed)
                }
            }
            group.addTask { await ticker.run() }
            try await Poll.until(timeout: .seconds(30), "all fifty are released") { released.count.load(ordering: .relaxed) == 50 }
            group.cancelAll()
        }
    }

    @Test func aCancelledWaiter_returnsAtOnce_withoutABeat() async throws {
        // No `run()`: the ticker never beats, so only cancellation can end the wait.
        let ticker = Ticker(interval: .seconds(3600))
        let waiter = Task { try await ticker.next() }
        waiter.cancel()
        await #expect(throws: CancellationError.self) { try await waiter.value }
    }
}
