import Foundation
import GitHub
import Logging

/// Checkouts kept after their jobs, one per recent repository, so the next job of a monorepo moves one
/// to its commit (`read-tree -m -u`: only the files that differ are written) instead of writing 200,000
/// files again. A kept checkout was only ever the read-only lower layer of overlay trees: the sandbox
/// never wrote it, so the worker's git may run in it again. Trees the sandbox wrote are never kept.
actor CheckoutPool {
    struct Kept {
        var repo: String
        var path: String
        var commit: String
    }

    let directory: String
    let capacity: Int
    /// This process's own directory of checkouts; its lock file stays locked while the process lives.
    let own: String
    private var kept: [Kept] = []
    private var sweptStale = false

    /// `directory` holds each process's checkouts in a directory of its own; `capacity` 0 keeps none.
    init(directory: String, capacity: Int) {
        self.directory = directory
        self.capacity = capacity
        self.own = "\(directory)/\(UUID().uuidString)"
        try? FileManager.default.createDirectory(atPath: own, withIntermediateDirectories: true)
        // Held until the process ends (the kernel drops it then, whatever killed the process): a lock another
        // process can take marks checkouts nobody uses. Pids are no such mark: a restarted worker can get the
        // same one, and workers in other PID namespaces see each other's as dead.
        let descriptor = open("\(own).lock", O_CREAT | O_RDWR | O_CLOEXEC, 0o600)
        if descriptor >= 0 { _ = flock(descriptor, LOCK_EX) }
    }

    /// The pool of `directory` in this process: every pipeline built over the same work directory (a
    /// worker restarted in process, the bench's apps) shares its kept checkouts instead of leaking them.
    static func shared(directory: String, capacity: Int) -> CheckoutPool {
        registry.withLock { pools in
            if let pool = pools[directory] { return pool }
            let pool = CheckoutPool(directory: directory, capacity: capacity)
            pools[directory] = pool
            return pool
        }
    }

    private static let registry = LockedPools()

    /// A new, unused path for a checkout.
    nonisolated func newPath() -> String {
        "\(own)/\(UUID().uuidString.prefix(12))"
    }

    /// A kept checkout of `repo`, now the caller's alone.
    func take(repo: String, logger: Logger) async -> Kept? {
        await sweepStale(logger: logger)
        guard let index = kept.lastIndex(where: { $0.repo == repo }) else { return nil }
        return kept.remove(at: index)
    }

    /// Keeps a checkout for a later job, removing the least recently kept ones beyond `capacity`.
    func give(_ checkout: Kept, logger: Logger) async {
        kept.append(checkout)
        while kept.count > capacity {
            await ScratchTree.remove(kept.removeFirst().path, logger: logger)
        }
    }

    /// Checkouts a worker process left behind (its lock is free: it ended, however) are removed once.
    private func sweepStale(logger: Logger) async {
        guard !sweptStale else { return }
        sweptStale = true
        for name in (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? [] where name.hasSuffix(".lock") {
            let lock = "\(directory)/\(name)"
            guard lock != "\(own).lock" else { continue }
            let descriptor = open(lock, O_RDWR | O_CLOEXEC)
            guard descriptor >= 0 else { continue }
            defer { close(descriptor) }
            guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else { continue }
            await ScratchTree.remove(String(lock.dropLast(".lock".count)), logger: logger)
            try? FileManager.default.removeItem(atPath: lock)
        }
    }
}

/// The process's pools by directory.
final class LockedPools: @unchecked Sendable {
    private let lock = NSLock()
    private var pools: [String: CheckoutPool] = [:]

    func withLock<T>(_ body: (inout [String: CheckoutPool]) -> T) -> T {
        lock.withLock { body(&pools) }
    }
}
