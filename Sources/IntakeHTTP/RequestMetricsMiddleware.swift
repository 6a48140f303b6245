import AutofixMetrics
import Hummingbird
import Metrics

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
        let route = context.endpointPath ?? "unmatched"
        Counter(label: MetricNames.httpRequests, dimensions: [("route", route), ("status", String(status))]).increment()
    }
}
