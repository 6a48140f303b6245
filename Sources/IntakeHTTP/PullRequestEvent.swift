import Foundation
import Queue

/// GitHub's `pull_request` and `pull_request_review` webhook payloads, the fields the outcome records read
/// (docs.github.com/webhooks/webhook-events-and-payloads#pull_request, #pull_request_review).
struct PullRequestEvent: Decodable {
    struct Pull: Decodable {
        struct Ref: Decodable {
            var ref: String?
        }

        var number: Int
        var merged: Bool?
        var head: Ref?
        var closedAt: String?

        enum CodingKeys: String, CodingKey {
            case number, merged, head
            case closedAt = "closed_at"
        }
    }

    struct Review: Decodable {
        var state: String?
        var submittedAt: String?

        enum CodingKeys: String, CodingKey {
            case state
            case submittedAt = "submitted_at"
        }
    }

    struct Account: Decodable {
        var login: String?
    }

    var action: String?
    var pullRequest: Pull?
    var review: Review?
    var repository: WorkflowRunEvent.Repository?
    var sender: Account?

    enum CodingKeys: String, CodingKey {
        case action, review, repository, sender
        case pullRequest = "pull_request"
    }

    /// The fact this delivery states about an autofix pull request (one whose head branch has the fix
    /// prefix), or nil when it states none the records keep. Its time is the event's own when the payload
    /// has one, else `now`.
    func fact(event: String, branchPrefix: String, botLogin: String, now: Date) -> FixEvent? {
        guard let repo = repository?.fullName, let pull = pullRequest, pull.head?.ref?.hasPrefix(branchPrefix) == true else { return nil }
        let at = (review?.submittedAt ?? pull.closedAt).flatMap { try? Date($0, strategy: .iso8601) } ?? now
        switch (event, action) {
        case ("pull_request", "closed"):
            return .closed(repo: repo, pullNumber: pull.number, merged: pull.merged == true, byBot: sender?.login == botLogin, at: at)
        case ("pull_request", "reopened"):
            return .reopened(repo: repo, pullNumber: pull.number, at: at)
        case ("pull_request_review", "submitted"):
            guard let state = review?.state?.lowercased(), ["approved", "changes_requested", "commented"].contains(state) else { return nil }
            return .reviewed(repo: repo, pullNumber: pull.number, state: state, at: at)
        default:
            return nil
        }
    }
}
