import Foundation
import Queue

/// One entry of `PostgresStatements.completeBatch`'s JSON argument.
struct CompletedJob: Encodable {
    let id: Int64
    let token: String
    let state: String
    let error: String?
    let pr_url: String?
    let result: String?

    init(_ completion: JobCompletion) {
        guard case .complete(let outcome) = completion.action else { preconditionFailure("only completions end in a batch") }
        id = completion.lease.jobID
        token = completion.lease.token
        state = outcome.state.rawValue
        error = outcome.reason
        if case .succeeded(let url, let result) = outcome { (pr_url, self.result) = (url, result) } else { (pr_url, result) = (nil, nil) }
    }

    static func json(_ completions: [JobCompletion]) throws -> String {
        String(decoding: try JSONEncoder().encode(completions.map(CompletedJob.init)), as: UTF8.self)
    }
}
