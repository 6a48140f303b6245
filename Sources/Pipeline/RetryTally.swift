import Foundation

/// Counts a client's in-place retries during a stage, for the run record.
final class RetryTally: @unchecked Sendable {
    private let lock = NSLock()
    private var counts: [String: Int] = [:]

    func add(_ what: String) {
        lock.withLock { counts[what, default: 0] += 1 }
    }

    /// `github_retries=2 (GitHub answered 502)`-style text, reset after reading.
    func take() -> String? {
        lock.withLock {
            defer { counts = [:] }
            guard !counts.isEmpty else { return nil }
            return counts.sorted { $0.key < $1.key }.map { "retried \($0.value)× after: \($0.key)" }.joined(separator: "; ")
        }
    }
}
