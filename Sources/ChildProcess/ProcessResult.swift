/// How a child process ended and what it printed (each stream's tail, within the runner's limit).
public struct ProcessResult: Sendable {
    public var status: Int32
    public var timedOut: Bool
    public var stdout: String
    public var stderr: String
    public var elapsed: Duration

    public var succeeded: Bool { status == 0 && !timedOut }

    /// Both streams, for a message or a correction round.
    public var combinedOutput: String {
        [stdout, stderr].filter { !$0.isEmpty }.joined(separator: "\n")
    }
}
