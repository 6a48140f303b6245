import Foundation
import Queue

/// `autofix outcomes` as text and JSON: each autofix pull request's fate, and the design document's rates.
public enum OutcomePresenter {
    public static func object(_ o: FixOutcome) -> [String: Any] {
        var object: [String: Any] = [
            "repo": o.repo, "pr_number": o.pullNumber, "branch": o.branch, "outcome": o.outcome, "ci": o.ci.rawValue, "ci_runs": o.ciRuns,
            "follow_ups": o.followUps,
            "pull": o.pull.rawValue, "failed_at": JobJSON.iso(o.failedAt), "opened_at": JobJSON.iso(o.openedAt),
            "seconds_to_pr": (o.openedAt.timeIntervalSince(o.failedAt) * 10).rounded() / 10,
        ]
        object["job_id"] = o.jobID
        object["ci_workflow"] = o.ciWorkflow
        object["review"] = o.review
        object["closed_by"] = o.closedBy
        object["closed_at"] = o.closedAt.map(JobJSON.iso)
        object["ci_run_id"] = o.ciRunID
        object["close_after"] = o.closeAfter.map(JobJSON.iso)
        object["seconds_to_green"] = o.secondsToGreen.map { ($0 * 10).rounded() / 10 }
        return object
    }

    public static func json(_ outcomes: [FixOutcome]) -> String {
        let rates = FixRates(outcomes)
        var summary: [String: Any] = ["pulls": rates.pulls]
        summary["success_rate"] = rates.success
        summary["acceptance_rate"] = rates.acceptance
        summary["false_positive_rate"] = rates.falsePositive
        summary["mean_seconds_to_green"] = rates.meanSecondsToGreen
        return JobJSON.text(["outcomes": outcomes.map(object), "summary": summary])
    }

    public static func text(_ outcomes: [FixOutcome]) -> String {
        guard !outcomes.isEmpty else { return "no autofix pull requests recorded" }
        var lines = outcomes.map { o in
            let green = o.secondsToGreen.map { String(format: "green after %.0f s", $0) } ?? "not green yet"
            return "\(o.repo)#\(o.pullNumber)  \(o.outcome)  ci \(o.ci.rawValue) (\(o.ciRuns) runs)  \(o.pull.rawValue)"
                + (o.closedBy.map { " by \($0)" } ?? "") + "  \(green)  opened \(JobJSON.iso(o.openedAt))"
        }
        let rates = FixRates(outcomes)
        func percent(_ value: Double?) -> String { value.map { String(format: "%.1f %%", $0 * 100) } ?? "-" }
        lines.append("")
        lines.append(
            "\(rates.pulls) pull requests: success \(percent(rates.success)) (target ≥ 70 %), accepted \(percent(rates.acceptance)), "
                + "false positives \(percent(rates.falsePositive)) (target < 10 %), time to a green fix "
                + (rates.meanSecondsToGreen.map { String(format: "%.0f s", $0) } ?? "-") + " (target < 300 s)")
        return lines.joined(separator: "\n")
    }
}
