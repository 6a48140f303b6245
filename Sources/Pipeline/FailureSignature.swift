import Crypto
import Foundation
import Queue

/// Which failure a job is about, as the outcome records keep it: the failing branch, the failure kind and
/// the error messages with their numbers and addresses taken out (a rerun's timings and ids differ), digested.
enum FailureSignature {
    static func of(branch: String, errors: ExtractedErrors) -> String {
        let messages = errors.errors.map { normalized($0.message) }.sorted().joined(separator: "\n")
        let text = "\(branch)\n\(errors.failureKind.rawValue)\n\(messages)"
        return SHA256.hash(data: Data(text.utf8)).prefix(12).map { String(format: "%02x", $0) }.joined()
    }

    static func normalized(_ message: String) -> String {
        message.lowercased()
            .replacingOccurrences(of: #"0x[0-9a-f]+"#, with: "0x", options: .regularExpression)
            .replacingOccurrences(of: #"[0-9]+"#, with: "0", options: .regularExpression)
    }
}

extension PipelineJob {
    /// Why this failure is not attempted: a maintainer closed the fix for it unmerged within
    /// `pipeline.retry_closed_after`; nil otherwise.
    func closedByMaintainer(_ signature: String) async throws -> String? {
        let window = configuration.retryClosedAfter
        guard window > .zero else { return nil }
        let now = context.clock.now()
        let earlier = try await context.fixOutcomes(FixOutcomeFilter(repo: failure.repo, failureSignature: signature, limit: 50))
        guard
            let closed = earlier.filter({ $0.pull == .closedUnmerged && $0.closedBy == "maintainer" }).compactMap({ outcome in
                outcome.closedAt.map { (outcome, $0) }
            }).max(by: { $0.1 < $1.1 }),
            now.timeIntervalSince(closed.1) < window.seconds
        else { return nil }
        let until = closed.1.addingTimeInterval(window.seconds)
        return "a maintainer closed the fix for this failure (#\(closed.0.pullNumber)) unmerged on \(JobJSON.iso(closed.1)); "
            + "it is not attempted again before \(JobJSON.iso(until)) (pipeline.retry_closed_after)"
    }
}
