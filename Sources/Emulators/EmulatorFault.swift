import Foundation

/// An injected failure: the next `count` requests whose path contains `path` get `status` (and Retry-After).
public struct EmulatorFault: Sendable, Hashable {
    public var path: String
    public var method: String?
    public var status: Int
    public var retryAfter: Int?
    public var count: Int

    public init(path: String, method: String? = nil, status: Int, retryAfter: Int? = nil, count: Int = 1) {
        self.path = path
        self.method = method
        self.status = status
        self.retryAfter = retryAfter
        self.count = count
    }
}
