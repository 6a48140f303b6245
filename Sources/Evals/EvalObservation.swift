import Foundation

/// What one run of a case left behind: the job's end, the PR if one was opened, and what the pipeline
/// showed the model. The judge decides from this alone.
public struct EvalObservation: Sendable {
    public struct Pull: Sendable {
        public var title: String
        public var body: String
        public var head: String
        public var draft: Bool
        public var labels: [String]
        public var comments: [String]
        /// `git diff main..head` of the PR branch, and the files it changes.
        public var diff: String
        public var changedFiles: [String]
        /// A clone of the PR branch for the judge's hidden tests.
        public var checkout: String
    }

    public var state: String
    public var lastError: String?
    public var pull: Pull?
    /// Enqueue to the job's end (the PR is its last step).
    public var seconds: Double
    public var tokensIn: Int
    public var tokensOut: Int
    public var costUSD: Double
    /// The code sections the prompt carried (`gather_context`'s output), nil when the stage did not run.
    public var context: String?
    public var runID: UInt64
    /// The scratch directory of the run (kept for a look after a failure).
    public var directory: String
}
