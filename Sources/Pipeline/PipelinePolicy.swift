import FeatureConfiguration
import LogAnalysis

/// The behaviour contract as pure decisions: each answers the reason to stop (`skipped` or `no_fix`),
/// or nil to go on. The stages ask; the rules live here once.
public struct PipelinePolicy: Sendable {
    public var configuration: PipelineConfiguration

    public init(configuration: PipelineConfiguration) {
        self.configuration = configuration
    }

    /// Our own branches never trigger us.
    public func loopGuard(branch: String?) -> String? {
        guard let branch, branch.hasPrefix(configuration.branchPrefix) else { return nil }
        return "the run is on \(branch), an autofix branch (loop guard)"
    }

    /// A fork's commits are not ours to push; without GitHub's word on where the commit comes from, no action.
    public func forkGuard(headRepository: String?, repository: String?) -> String? {
        guard configuration.skipForks else { return nil }
        guard let head = headRepository, let base = repository else {
            return "GitHub's run does not say which repository its commit comes from; not acting on it"
        }
        guard head.lowercased() != base.lowercased() else { return nil }
        return "the run's commit comes from the fork \(head), not \(base) (policy: never act on runs from forks)"
    }

    /// The failures of the code under test: its tests, and the compiler and type checker that run them (a
    /// caller missed by a rename fails the test job with a compile error). `unknown` too: an output format
    /// the extractor does not recognise (a project's own test harness) is no reason to give up; the tests
    /// in the sandbox decide whether a fix holds. Lint, dependency resolution, infrastructure, timeouts and
    /// cancellations are not fixed by a change to the code.
    public static let codeFailures: Set<FailureKind> = [.test, .build, .type, .unknown]

    public func failureKind(_ kind: FailureKind) -> String? {
        guard configuration.onlyTestFailures, !Self.codeFailures.contains(kind) else { return nil }
        return "the failure is \(kind.rawValue), not a test failure (policy: only failures of the code under test)"
    }

    /// At most `max_open_prs` autofix PRs open per repository.
    public func openPullLimit(open: Int, repo: String) -> String? {
        guard open >= configuration.maxOpenPulls else { return nil }
        return "\(open) autofix PRs are open in \(repo) (limit \(configuration.maxOpenPulls))"
    }

    /// The model said it has no safe fix (`NO_FIX` and a reason).
    public func modelDeclined(_ reply: String) -> String? {
        guard reply.trimmingCharacters(in: .whitespacesAndNewlines).hasPrefix("NO_FIX") else { return nil }
        return "the model found no safe fix: \(reply.prefix(300))"
    }
}
