import Foundation

/// Waiting on a condition with a deadline, re-checked every few milliseconds.
public enum Poll {
    public struct TimedOut: Error, CustomStringConvertible {
        var what: String
        public var description: String { "timed out waiting until \(what)" }
    }

    public static func until(
        timeout: Duration, _ what: String, every interval: Duration = .milliseconds(20), _ condition: () async throws -> Bool
    ) async throws {
        let deadline = ContinuousClock.now.advanced(by: timeout)
        while true {
            if try await condition() { return }
            guard ContinuousClock.now < deadline else { throw TimedOut(what: what) }
            await tick(interval)
        }
    }

    /// Yields the task for `interval` between two checks of a condition.
    private static func tick(_ interval: Duration) async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            DispatchQueue.global().asyncAfter(deadline: .now() + interval.seconds) { continuation.resume() }
        }
    }
}

extension Duration {
    public var seconds: Double {
        let (s, atto) = components
        return Double(s) + Double(atto) / 1e18
    }
}
