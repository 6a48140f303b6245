import Core
import FeatureConfiguration
import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// POSTs JSON to a provider, retrying 429, 5xx and timeouts with backoff and honouring Retry-After.
struct LLMTransport: Sendable {
    let configuration: LLMConfiguration

    /// The decoded JSON body of the first successful answer, and how many retries it took.
    func post(_ url: URL, headers: [String: String], body: [String: Any]) async throws -> ([String: Any], Int) {
        var request = URLRequest(url: url)
        request.httpMethod = "POST"
        request.httpBody = try JSONSerialization.data(withJSONObject: body, options: [.sortedKeys])
        request.timeoutInterval = Double(configuration.timeout.components.seconds)
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        request.setValue("ci-autofix", forHTTPHeaderField: "User-Agent")
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        var attempt = 0
        while true {
            attempt += 1
            let error: LLMError
            do {
                let (data, response) = try await URLSession.shared.data(for: request)
                let http = response as! HTTPURLResponse
                if http.statusCode == 200 {
                    guard let json = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
                        throw LLMError.invalidResponse("the body is not a JSON object")
                    }
                    return (json, attempt - 1)
                }
                error = Self.error(status: http.statusCode, data: data, response: http)
            } catch let failure as LLMError {
                error = failure
            } catch let transport as URLError {
                error = .transport(transport.code == .timedOut ? "timed out after \(configuration.timeout)" : transport.localizedDescription)
            }
            guard error.isRetryable, attempt < configuration.maxAttempts else { throw error }
            let wait = RetryPolicy.modelRequest.delay(afterAttempt: attempt, atLeast: error.retryAfter)
            // A long Retry-After is better spent as a job retry than holding a worker slot.
            guard wait <= configuration.maxRetryWait else { throw error }
            try await Task.sleep(for: wait)
        }
    }

    static func error(status: Int, data: Data, response: HTTPURLResponse) -> LLMError {
        let json = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any]
        let error = json?["error"] as? [String: Any]
        let message = (error?["message"] as? String) ?? "no message"
        // Anthropic says outright whether a retry can help (`x-should-retry`); it overrides the status.
        switch response.value(forHTTPHeaderField: "x-should-retry")?.lowercased() {
        case "false": return status == 401 || status == 403 ? .unauthorized(status, message) : .badRequest(status, message)
        case "true": return status == 429 ? .rateLimited(retryAfter: retryAfter(response)) : .server(status)
        default: break
        }
        switch status {
        case 401, 403: return .unauthorized(status, message)
        case 429 where error?["code"] as? String == "insufficient_quota" || error?["type"] as? String == "insufficient_quota":
            return .quotaExhausted(message)
        case 429: return .rateLimited(retryAfter: retryAfter(response))
        case 408, 409, 500...599: return status == 529 ? .rateLimited(retryAfter: retryAfter(response)) : .server(status)
        default: return .badRequest(status, message)
        }
    }

    /// `retry-after` seconds (or an HTTP date), else OpenAI's `x-ratelimit-reset-requests` like `1s`/`20ms`.
    static func retryAfter(_ response: HTTPURLResponse) -> Duration? {
        if let value = response.value(forHTTPHeaderField: "retry-after") {
            if let seconds = Double(value) { return .milliseconds(Int64(seconds * 1000)) }
            let formatter = DateFormatter()
            formatter.locale = Locale(identifier: "en_US_POSIX")
            formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
            if let date = formatter.date(from: value) { return .milliseconds(Int64(max(0, date.timeIntervalSinceNow) * 1000)) }
        }
        if let value = response.value(forHTTPHeaderField: "retry-after-ms"), let ms = Double(value) { return .milliseconds(Int64(ms)) }
        return nil
    }
}
