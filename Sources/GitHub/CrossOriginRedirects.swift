import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// Follows redirects, but never carries credentials to another origin. GitHub answers a job-log request
/// with a 302 to pre-signed storage on another host; URLSession on Linux would forward our
/// `Authorization: Bearer` there, which leaks the token and makes storage refuse the request.
final class CrossOriginRedirects: NSObject, URLSessionTaskDelegate, @unchecked Sendable {
    /// The session every GitHub request goes through.
    static let session = URLSession(configuration: .ephemeral, delegate: CrossOriginRedirects(), delegateQueue: nil)

    func urlSession(
        _ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
        newRequest request: URLRequest, completionHandler: @escaping (URLRequest?) -> Void
    ) {
        guard let target = request.url, let scheme = target.scheme?.lowercased(), ["https", "http"].contains(scheme) else {
            completionHandler(nil)
            return
        }
        var next = request
        let origin = task.originalRequest?.url
        if !Self.sameOrigin(origin, target) {
            for header in ["Authorization", "X-GitHub-Api-Version", "Accept"] { next.setValue(nil, forHTTPHeaderField: header) }
        }
        completionHandler(next)
    }

    static func sameOrigin(_ a: URL?, _ b: URL) -> Bool {
        guard let a else { return false }
        return a.scheme?.lowercased() == b.scheme?.lowercased() && a.host?.lowercased() == b.host?.lowercased() && a.port == b.port
    }
}
