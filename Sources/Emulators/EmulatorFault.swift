import Foundation

/// An injected failure: the next `count` requests whose path contains `path` get `status` (and Retry-After).
public struct EmulatorFault: Sendable, Hashable {
    /// What the answer says, as github.com words it.
    public enum Kind: Sendable, Hashable {
        /// `{"message": "injected <status>"}`.
        case plain
        /// A secondary rate limit: 403 with "You have exceeded a secondary rate limit", often without
        /// `retry-after` (docs.github.com/rest/using-the-rest-api/rate-limits-for-the-rest-api#about-secondary-rate-limits).
        case secondaryRateLimit
        /// The primary limit: 403 with `x-ratelimit-remaining: 0` and `x-ratelimit-reset` `resetIn` seconds ahead.
        case primaryRateLimit(resetIn: Int)
    }

    public var path: String
    public var method: String?
    public var status: Int
    public var retryAfter: Int?
    public var count: Int
    public var kind: Kind

    public init(path: String, method: String? = nil, status: Int, retryAfter: Int? = nil, count: Int = 1, kind: Kind = .plain) {
        self.path = path
        self.method = method
        self.status = status
        self.retryAfter = retryAfter
        self.count = count
        self.kind = kind
    }
}
