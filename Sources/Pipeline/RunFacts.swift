/// What `fetch_logs` learned about the run (logs themselves are not stored: they may hold secrets).
struct RunFacts: Codable, Sendable {
    var headSHA: String
    var branch: String
    var workflow: String
    var runURL: String
    var failedJobs: [FailedJob]
    /// The workflow and the run's number in it, to find the last green run before this one.
    var workflowID: Int64?
    var runNumber: Int?
}

struct FailedJob: Codable, Sendable, Hashable {
    var id: Int64
    var name: String
}
