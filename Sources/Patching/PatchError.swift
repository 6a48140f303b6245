import Core

/// Why a patch was not accepted; a model can often correct these in another round.
public enum PatchError: Error, Sendable, Hashable, CustomStringConvertible, ClassifiedError {
    case noDiff
    case malformedDiff(String)
    case hunkNotFound(path: String, hunk: Int)
    case fileMissing(String)
    case refused(rule: String, detail: String)
    case gitApplyFailed(String)
    case testsFailed(String)
    case testsTimedOut(Duration)

    public var code: String {
        switch self {
        case .noDiff: "patch_no_diff"
        case .malformedDiff: "patch_malformed"
        case .hunkNotFound: "patch_hunk_not_found"
        case .fileMissing: "patch_file_missing"
        case .refused: "patch_refused"
        case .gitApplyFailed: "patch_git_apply_failed"
        case .testsFailed: "patch_tests_failed"
        case .testsTimedOut: "patch_tests_timed_out"
        }
    }

    /// Retrying the job cannot change a patch's verdict; correction rounds are the pipeline's business.
    public var isRetryable: Bool { false }

    /// A refusal by a safety rail ends the job: no correction round may argue with it.
    public var isRailRefusal: Bool {
        if case .refused = self { return true }
        return false
    }

    public var description: String {
        switch self {
        case .noDiff: "the reply contains no unified diff"
        case .malformedDiff(let detail): "the diff is malformed: \(detail)"
        case .hunkNotFound(let path, let hunk): "hunk \(hunk) of \(path) does not match the file's content"
        case .fileMissing(let path): "\(path) does not exist in the repository"
        case .refused(let rule, let detail): "refused by rule \(rule): \(detail)"
        case .gitApplyFailed(let detail): "git apply --check failed: \(detail)"
        case .testsFailed(let output): "the test command failed:\n\(output)"
        case .testsTimedOut(let limit): "the test command did not finish within \(limit)"
        }
    }
}
