/// What `fetch_logs` learned about the run (logs themselves are not stored: they may hold secrets).
struct RunFacts: Codable, Sendable {
    var headSHA: String
    var branch: String
    var workflow: String
    var runURL: String
    var failedJobs: [FailedJob]
}

struct FailedJob: Codable, Sendable, Hashable {
    var id: Int64
    var name: String
}
