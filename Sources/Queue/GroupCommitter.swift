/// Group commit: the first item to arrive is written at once, and the items that arrive while
/// it is being written go together into the next transaction. Under load many callers share one
/// commit (one fsync); alone, a caller waits for nothing.
public actor GroupCommitter<Item: Sendable, Output: Sendable> {
    public typealias Flush = @Sendable ([Item]) async throws -> [Result<Output, QueueError>]

    private enum Turn {
        case done(Result<Output, QueueError>)
        /// The previous writer finished; this waiter writes the batch that gathered meanwhile.
        case lead
    }

    private let flush: Flush
    private let maxBatch: Int
    private var waiting: [(item: Item, continuation: CheckedContinuation<Turn, Never>)] = []
    private var writing = false

    public init(maxBatch: Int = 256, flush: @escaping Flush) {
        self.flush = flush
        self.maxBatch = maxBatch
    }

    public func submit(_ item: Item) async throws -> Output {
        if writing {
            let turn = await withCheckedContinuation { waiting.append((item, $0)) }
            if case .done(let result) = turn { return try result.get() }
        }
        writing = true
        let others = Array(waiting.prefix(maxBatch - 1))
        waiting.removeFirst(others.count)
        let own: Result<Output, QueueError>
        do {
            let results = try await flush([item] + others.map(\.item))
            own = results[0]
            for (other, result) in zip(others, results.dropFirst()) { other.continuation.resume(returning: .done(result)) }
        } catch {
            let failure = (error as? QueueError) ?? .storageUnavailable("\(error)")
            own = .failure(failure)
            for other in others { other.continuation.resume(returning: .done(.failure(failure))) }
        }
        if waiting.isEmpty {
            writing = false
        } else {
            // Hand over to the oldest waiter rather than looping here, so this caller returns now.
            waiting.removeFirst().continuation.resume(returning: .lead)
        }
        return try own.get()
    }
}
