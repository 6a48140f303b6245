import Core

/// Errors of the queue and its stores, with stable codes.
public enum QueueError: Error, Sendable, Hashable, CustomStringConvertible {
    case jobNotFound(Int64)
    /// The lease token no longer matches: another worker owns the job, or it was rescued.
    case leaseLost(jobID: Int64)
    case invalidTransition(jobID: Int64, from: JobState, action: String)
    /// The database stayed locked past the busy deadline.
    case busy(String)
    case storageUnavailable(String)
    /// The database server could not be reached, or dropped the connection, until the reconnect deadline.
    case disconnected(String)
    case invalidArgument(String)
    case migrationFailed(String)

    public var code: String {
        switch self {
        case .jobNotFound: "job_not_found"
        case .leaseLost: "lease_lost"
        case .invalidTransition: "invalid_transition"
        case .busy: "database_busy"
        case .storageUnavailable: "storage_unavailable"
        case .disconnected: "database_disconnected"
        case .invalidArgument: "invalid_argument"
        case .migrationFailed: "migration_failed"
        }
    }

    public var isRetryable: Bool {
        switch self {
        case .busy, .disconnected: true
        case .jobNotFound, .leaseLost, .invalidTransition, .storageUnavailable, .invalidArgument, .migrationFailed: false
        }
    }

    public var description: String {
        switch self {
        case .jobNotFound(let id): "job \(id) not found"
        case .leaseLost(let id): "job \(id): lease lost (another worker holds it or it was rescued)"
        case .invalidTransition(let id, let from, let action): "job \(id) is \(from.rawValue); cannot \(action)"
        case .busy(let detail): "database busy: \(detail)"
        case .storageUnavailable(let detail): detail
        case .disconnected(let detail): "database unreachable: \(detail)"
        case .invalidArgument(let detail): detail
        case .migrationFailed(let detail): "migration failed: \(detail)"
        }
    }
}

extension QueueError: ClassifiedError {}
