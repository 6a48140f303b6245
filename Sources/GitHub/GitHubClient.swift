import Core
import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// GitHub's REST API over URLSession (libcurl on Linux). Configurable base URL for GitHub Enterprise.
public struct GitHubClient: Sendable {
    public var baseURL: URL
    public var credentials: GitHubCredentials
    /// Attempts for 5xx, 429 and transport failures before the error is returned.
    public var maxAttempts: Int
    /// The longest wait honoured in place; a longer Retry-After or rate-limit reset becomes a job retry.
    public var maxRetryWait: Duration
    public var timeout: TimeInterval
    /// Told of every retried request (the pipeline puts the count on the run record).
    public var onRetry: (@Sendable (GitHubError) -> Void)?
    /// The repository requests are made for: an App without a configured installation uses that
    /// repository's installation.
    public var installationScope: String?

    public init(
        baseURL: URL = URL(string: "https://api.github.com")!, credentials: GitHubCredentials, maxAttempts: Int = 4,
        maxRetryWait: Duration = .seconds(60), timeout: TimeInterval = 30
    ) {
        self.baseURL = baseURL
        self.credentials = credentials
        self.maxAttempts = maxAttempts
        self.maxRetryWait = maxRetryWait
        self.timeout = timeout
    }

    public init(baseURL: URL = URL(string: "https://api.github.com")!, token: String, maxAttempts: Int = 3) {
        self.init(baseURL: baseURL, credentials: .token(token), maxAttempts: maxAttempts)
    }

    /// A request and its answer; `expect` are the statuses that count as success.
    struct Answer {
        var data: Data
        var response: HTTPURLResponse
    }

    func url(_ path: String) -> URL {
        URL(string: baseURL.absoluteString.trimmingCharacters(in: CharacterSet(charactersIn: "/")) + path)!
    }

    func send(_ method: String, _ path: String, body: Data? = nil, expect: Set<Int>, bearer: String? = nil, idempotent: Bool = true) async throws -> Answer {
        try await send(method, url(path), body: body, expect: expect, bearer: bearer, idempotent: idempotent)
    }

    /// `download` set: the body streams to that file instead of memory (job logs can be large).
    /// `idempotent` false: a 5xx or a lost connection is not retried in place (the request may have taken
    /// effect); rate limits still are (GitHub did not process the request).
    func send(_ method: String, _ url: URL, body: Data? = nil, expect: Set<Int>, bearer: String? = nil, download: URL? = nil, idempotent: Bool = true)
        async throws -> Answer
    {
        var request = URLRequest(url: url)
        request.httpMethod = method
        request.httpBody = body
        request.timeoutInterval = timeout
        request.setValue("application/vnd.github+json", forHTTPHeaderField: "Accept")
        request.setValue("2022-11-28", forHTTPHeaderField: "X-GitHub-Api-Version")
        request.setValue("ci-autofix", forHTTPHeaderField: "User-Agent")
        let token: String
        if let bearer { token = bearer } else { token = try await credentials.bearer(self) }
        request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization")
        if body != nil { request.setValue("application/json", forHTTPHeaderField: "Content-Type") }
        var attempt = 0
        while true {
            attempt += 1
            let error: GitHubError
            do {
                let data: Data
                let http: HTTPURLResponse
                if let download {
                    let (file, response) = try await CrossOriginRedirects.session.download(for: request)
                    http = response as! HTTPURLResponse
                    if expect.contains(http.statusCode) {
                        try? FileManager.default.removeItem(at: download)
                        try FileManager.default.moveItem(at: file, to: download)
                        return Answer(data: Data(), response: http)
                    }
                    // An error body is small: read it for the message.
                    data = (try? Data(contentsOf: file)) ?? Data()
                    try? FileManager.default.removeItem(at: file)
                } else {
                    let (body, response) = try await CrossOriginRedirects.session.data(for: request)
                    data = body
                    http = response as! HTTPURLResponse
                    if expect.contains(http.statusCode) { return Answer(data: data, response: http) }
                }
                error = Self.error(status: http.statusCode, data: data, headers: http)
            } catch let transport as URLError {
                error = .transport(transport.code == .timedOut ? "timed out after \(Int(timeout)) s" : transport.localizedDescription)
            }
            guard error.isRetryable, attempt < maxAttempts else { throw error }
            if !idempotent, !error.isRateLimit { throw error }
            let wait = RetryPolicy.githubRequest.delay(afterAttempt: attempt, atLeast: error.retryAfter)
            guard wait <= maxRetryWait else { throw error }
            onRetry?(error)
            try await Task.sleep(for: wait)
        }
    }

    func decode<T: Decodable>(_ type: T.Type, _ answer: Answer) throws -> T {
        do {
            return try JSONDecoder().decode(type, from: answer.data)
        } catch {
            throw GitHubError.unexpected(status: answer.response.statusCode, "unreadable \(T.self) body: \(error)")
        }
    }

    public static func error(status: Int, data: Data, headers: HTTPURLResponse) -> GitHubError {
        let json = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any]
        var message = json?["message"] as? String ?? "no message"
        // 422 "Validation Failed" says what failed in `errors[]` (each a `message`, or a `code` on a `field`).
        if let errors = json?["errors"] as? [[String: Any]], !errors.isEmpty {
            let details = errors.map { error in
                error["message"] as? String ?? [error["resource"], error["field"], error["code"]].compactMap { $0 as? String }.joined(separator: " ")
            }
            message += ": " + details.joined(separator: "; ")
        }
        let remaining = headers.value(forHTTPHeaderField: "x-ratelimit-remaining")
        let retryAfter = retryAfter(headers)
        // Secondary rate limits are 403 or 429, often without retry-after; GitHub asks to wait "at least one
        // minute" before retrying then (docs.github.com/rest/using-the-rest-api/rate-limits-for-the-rest-api).
        let secondary = message.lowercased().contains("secondary rate limit") || message.lowercased().contains("abuse detection")
        switch status {
        case 401: return .unauthorized(message)
        case 403 where remaining == "0" || headers.value(forHTTPHeaderField: "retry-after") != nil || secondary, 429:
            if remaining == "0", let retryAfter { return .rateLimited(retryAfter: retryAfter) }
            return .rateLimited(retryAfter: max(retryAfter ?? .zero, .seconds(60)))
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

    /// The `rel="next"` URL of a `Link` header.
    /// Every page of a list answered as a JSON array (`Link: rel="next"`), at most 10,000 items.
    func allPages<T: Decodable>(_ path: String) async throws -> [T] {
        var next: URL? = url(path)
        var items: [T] = []
        while let page = next, items.count < 10_000 {
            let answer = try await send("GET", page, expect: [200])
            items += try decode([T].self, answer)
            next = Self.nextPage(answer.response)
        }
        return items
    }

    /// A query parameter's value with only unreserved characters left as they are: a branch may hold `&`,
    /// `=`, `+` or `#`.
    static func queryValue(_ text: String) -> String {
        let unreserved = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~")
        return text.addingPercentEncoding(withAllowedCharacters: unreserved) ?? ""
    }

    static func nextPage(_ headers: HTTPURLResponse) -> URL? {
        guard let link = headers.value(forHTTPHeaderField: "link") else { return nil }
        for part in link.split(separator: ",") where part.contains("rel=\"next\"") {
            guard let open = part.firstIndex(of: "<"), let close = part.firstIndex(of: ">") else { continue }
            return URL(string: String(part[part.index(after: open)..<close]))
        }
        return nil
    }
}
