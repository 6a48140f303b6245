import AutofixMetrics
import Hummingbird
import Metrics
import Synchronization

/// Counts requests by route pattern (a closed set: the router's own paths) and status code.
struct RequestMetricsMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            let response = try await next(request, context)
            record(context, response.status.code)
            return response
        } catch let error as any HTTPResponseError {
            record(context, error.status.code)
            throw error
        } catch {
            record(context, 500)
            throw error
        }
    }

    private func record(_ context: Context, _ status: Int) {
        RequestCounters.shared.counter(route: context.endpointPath ?? "unmatched", status: status).increment()
    }
}

/// Counter handles by (route, status), made once: the metrics factory's lookup is a locked
/// registry search that a hot endpoint should not pay per request.
final class RequestCounters: Sendable {
    static let shared = RequestCounters()
    private let counters = Mutex<[String: Counter]>([:])

    func counter(route: String, status: Int) -> Counter {
        let key = "\(route) \(status)"
        return counters.withLock { counters in
            if let counter = counters[key] { return counter }
            let counter = Counter(label: MetricNames.httpRequests, dimensions: [("route", route), ("status", String(status))])
            counters[key] = counter
            return counter
        }
    }
}
