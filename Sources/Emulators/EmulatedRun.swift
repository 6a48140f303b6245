import Foundation

/// A workflow run as the emulator serves it, with its jobs and their raw logs.
public struct EmulatedRun: Sendable {
    public struct Job: Sendable {
        public var id: Int64
        public var name: String
        public var conclusion: String
        public var log: String

        public init(id: Int64, name: String, conclusion: String, log: String) {
            self.id = id
            self.name = name
            self.conclusion = conclusion
            self.log = log
        }
    }

    public var id: UInt64
    public var repo: String
    public var name: String
    public var headSHA: String
    public var headBranch: String
    public var conclusion: String
    public var jobs: [Job]
    /// The repository the head commit comes from: another one for a pull request from a fork.
    public var headRepository: String
    /// When the run was created and last updated (completed); nil: a fixed instant in the past.
    public var createdAt: Date?
    public var updatedAt: Date?
    /// `push` for a branch's own CI; `pull_request` etc. as GitHub names the triggering event.
    public var event = "push"
    /// Attempts before the latest one (a re-run adds an attempt): each its conclusion and jobs.
    public var earlierAttempts: [(conclusion: String, jobs: [Job])] = []

    /// The latest attempt's number, as `run_attempt` says.
    public var latestAttempt: Int { earlierAttempts.count + 1 }

    /// Attempt `number`'s conclusion and jobs (1-based), nil beyond the latest.
    public func attempt(_ number: Int) -> (conclusion: String, jobs: [Job])? {
        if number == latestAttempt { return (conclusion, jobs) }
        return number >= 1 && number < latestAttempt ? earlierAttempts[number - 1] : nil
    }

    /// Every job of every attempt.
    public var allJobs: [Job] { earlierAttempts.flatMap(\.jobs) + jobs }

    public init(
        id: UInt64, repo: String, name: String = "CI", headSHA: String, headBranch: String, conclusion: String = "failure", jobs: [Job],
        headRepository: String? = nil
    ) {
        self.headRepository = headRepository ?? repo
        self.id = id
        self.repo = repo
        self.name = name
        self.headSHA = headSHA
        self.headBranch = headBranch
        self.conclusion = conclusion
        self.jobs = jobs
    }
}

/// A pull request the emulator holds.
public struct EmulatedPull: Sendable {
    public var number: Int
    public var title: String
    public var head: String
    public var base: String
    public var body: String
    public var draft: Bool
    public var state: String
    public var labels: [String]
    public var comments: [String]
    /// Set when closed: merged or not, by whom, and when.
    public var merged = false
    public var closedBy: String?
    public var closedAt: Date?
}
