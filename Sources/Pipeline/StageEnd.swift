import Queue

/// A stage ending the job without an error: policy (`skipped`) or no acceptable patch (`no_fix`).
struct StageEnd: Error, Sendable {
    var outcome: JobOutcome

    var reason: String {
        switch outcome {
        case .skipped(let reason), .noFix(let reason), .cancelled(let reason): reason
        case .succeeded: ""
        }
    }
}
