/// The persisted state of a job; raw values are stable storage strings.
public enum JobState: String, Sendable, Codable, CaseIterable {
    case queued
    case running
    case succeeded
    case noFix = "no_fix"
    case skipped
    case dead
    case cancelled

    public var isTerminal: Bool {
        switch self {
        case .queued, .running: false
        case .succeeded, .noFix, .skipped, .dead, .cancelled: true
        }
    }

    public static var terminal: [JobState] { allCases.filter(\.isTerminal) }
}
