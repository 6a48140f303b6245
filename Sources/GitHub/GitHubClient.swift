import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// GitHub's REST API over URLSession (libcurl on Linux). Configurable base URL for GitHub Enterprise.
public struct GitHubClient: Sendable {
    public var baseURL: URL
    public var token: String
    /// Attempts for 5xx, 429 and transport failures before the error is returned.
    public var maxAttempts: Int

    public init(baseURL: URL = URL(string: "https://api.github.com")!, token: String, maxAttempts: Int = 3) {
        self.baseURL = baseURL
        self.token = token
        self.maxAttempts = maxAttempts
    }

    /// `POST /repos/{owner}/{repo}/dispatches`: triggers `repository_dispatch` (the seed's `dispatchWorkflow`).
    public func createDispatchEvent(repo: String, eventType: String, clientPayload: [String: Any]) async throws {
        let body = try JSONSerialization.data(withJSONObject: ["event_type": eventType, "client_payload": clientPayload])
        _ = try await send("POST", "/repos/\(repo)/dispatches", body: body, expect: [204])
    }

    func send(_ method: String, _ path: String, body: Data?, expect: Set<Int>) async throws -> Data {
        var request = URLRequest(url: URL(string: baseURL.absoluteString.trimmingCharacters(in: CharacterSet(charactersIn: "/")) + path)!)
        request.httpMethod = method
        request.httpBody = body
        request.timeoutInterval = 30
        request.setValue("application/vnd.github+json", forHTTPHeaderField: "Accept")
        request.setValue("2022-11-28", forHTTPHeaderField: "X-GitHub-Api-Version")
        request.setValue("ci-autofix", forHTTPHeaderField: "User-Agent")
        request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization")
        if body != nil { request.setValue("application/json", forHTTPHeaderField: "Content-Type") }
        var attempt = 0
        while true {
            attempt += 1
            let error: GitHubError
            do {
                let (data, response) = try await URLSession.shared.data(for: request)
                let http = response as! HTTPURLResponse
                if expect.contains(http.statusCode) { return data }
                error = Self.error(status: http.statusCode, data: data, headers: http)
            } catch let transport as URLError {
                error = .transport(transport.localizedDescription)
            }
            guard error.isRetryable, attempt < maxAttempts else { throw error }
            let backoff = Duration.milliseconds(250 << min(attempt, 6))
            try await Task.sleep(for: max(backoff, error.retryAfter ?? .zero))
        }
    }

    static func error(status: Int, data: Data, headers: HTTPURLResponse) -> GitHubError {
        let message = ((try? JSONSerialization.jsonObject(with: data)) as? [String: Any])?["message"] as? String ?? "no message"
        switch status {
        case 401: return .unauthorized(message)
        case 403 where headers.value(forHTTPHeaderField: "x-ratelimit-remaining") == "0",
             429:
            return .rateLimited(retryAfter: retryAfter(headers))
        case 403: return .forbidden(message)
        case 404: return .notFound(message)
        case 422: return .validationFailed(message)
        case 500...599: return .server(status: status)
        default: return .unexpected(status: status, message)
        }
    }

    /// `Retry-After` seconds, else the wait until `X-RateLimit-Reset`.
    static func retryAfter(_ headers: HTTPURLResponse) -> Duration? {
        if let seconds = headers.value(forHTTPHeaderField: "retry-after").flatMap(Int64.init) { return .seconds(seconds) }
        if let reset = headers.value(forHTTPHeaderField: "x-ratelimit-reset").flatMap(Double.init) {
            return .seconds(Int64(max(0, reset - Date().timeIntervalSince1970)))
        }
        return nil
    }
}
