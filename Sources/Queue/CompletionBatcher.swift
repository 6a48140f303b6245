/// Group commit for job results: the first completion to arrive writes at once, and those that
/// arrive while it is being written go together into the next transaction. Under load many jobs
/// share one commit; alone, a job waits for nothing.
actor CompletionBatcher {
    private enum Turn {
        case done(Result<JobState, QueueError>)
        /// The previous writer finished; this waiter writes the batch that gathered meanwhile.
        case lead
    }

    private let store: any JobStore
    private var waiting: [(completion: JobCompletion, continuation: CheckedContinuation<Turn, Never>)] = []
    private var writing = false

    init(store: any JobStore) {
        self.store = store
    }

    func submit(_ completion: JobCompletion) async throws -> JobState {
        if writing {
            let turn = await withCheckedContinuation { waiting.append((completion, $0)) }
            if case .done(let result) = turn { return try result.get() }
        }
        writing = true
        let others = waiting
        waiting.removeAll()
        let own: Result<JobState, QueueError>
        do {
            let results = try await store.finish([completion] + others.map(\.completion))
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
            // Hand over to the oldest waiter rather than looping here, so this job's slot frees now.
            waiting.removeFirst().continuation.resume(returning: .lead)
        }
        return try own.get()
    }
}
