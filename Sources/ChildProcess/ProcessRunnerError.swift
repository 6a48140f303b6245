/// A child process that could not be started.
public enum ProcessRunnerError: Error, Sendable, CustomStringConvertible {
    case launchFailed(String, String)

    public var description: String {
        switch self {
        case .launchFailed(let program, let detail): "cannot run \(program): \(detail)"
        }
    }
}
