/// The six stages, as stored on run records and checkpoints (stable strings).
public enum StageName: String, Sendable, CaseIterable {
    case fetchLogs = "fetch_logs"
    case extractErrors = "extract_errors"
    case gatherContext = "gather_context"
    case generatePatch = "generate_patch"
    case validate
    case openPR = "open_pr"
}
