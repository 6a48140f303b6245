import Core

/// A GitHub API failure, typed so the caller knows whether retrying can help.
public enum GitHubError: Error, Sendable, Hashable, CustomStringConvertible, ClassifiedError {
    case unauthorized(String)
    case forbidden(String)
    case notFound(String)
    case validationFailed(String)
    case rateLimited(retryAfter: Duration?)
    case server(status: Int)
    case transport(String)
    case unexpected(status: Int, String)
    case configuration(String)
    case git(String)
    /// `git apply` refused a patch against the commit (the model's diff does not fit the code).
    case patchDoesNotApply(String)

    public var code: String {
        switch self {
        case .unauthorized: "github_unauthorized"
        case .forbidden: "github_forbidden"
        case .notFound: "github_not_found"
        case .validationFailed: "github_validation_failed"
        case .rateLimited: "github_rate_limited"
        case .server: "github_server_error"
        case .transport: "github_transport"
        case .unexpected: "github_unexpected"
        case .configuration: "github_configuration"
        case .git: "git_failed"
        case .patchDoesNotApply: "git_apply_failed"
        }
    }

    public var isRetryable: Bool {
        switch self {
        case .rateLimited, .server, .transport, .git: true
        case .unauthorized, .forbidden, .notFound, .validationFailed, .unexpected, .configuration, .patchDoesNotApply: false
        }
    }

    /// GitHub refused to process the request (it can be sent again whatever it was).
    public var isRateLimit: Bool {
        if case .rateLimited = self { return true }
        return false
    }

    public var retryAfter: Duration? {
        if case .rateLimited(let after) = self { return after }
        return nil
    }

    public var description: String {
        switch self {
        case .unauthorized(let message): "GitHub authentication failed (401: \(message)); check the GitHub token or App credentials"
        case .forbidden(let message): "GitHub refused the request (403: \(message)); the token lacks a permission or scope"
        case .notFound(let message): "GitHub answered 404 (\(message)); check the repository name and that the token can see it"
        case .validationFailed(let message): "GitHub rejected the request as invalid (422: \(message))"
        case .rateLimited(let after): "GitHub rate limit hit\(after.map { "; retry after \($0)" } ?? "")"
        case .server(let status): "GitHub answered \(status)"
        case .transport(let message): "could not reach GitHub: \(message)"
        case .unexpected(let status, let message): "unexpected GitHub answer \(status): \(message)"
        case .configuration(let message): message
        case .git(let message): "git failed: \(message)"
        case .patchDoesNotApply(let message): "git apply --check failed: \(message)"
        }
    }
}
