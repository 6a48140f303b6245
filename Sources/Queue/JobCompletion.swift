/// A worker's final word on a leased job.
public struct JobCompletion: Sendable, Hashable {
    public enum Action: Sendable, Hashable {
        case complete(JobOutcome)
        case fail(JobFailure)
        case handBack(reason: String)
    }

    public var lease: Lease
    public var action: Action

    public init(lease: Lease, action: Action) {
        self.lease = lease
        self.action = action
    }
}
