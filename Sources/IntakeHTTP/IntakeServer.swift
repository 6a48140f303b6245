import FeatureConfiguration
import Foundation
import Hummingbird
import Intake
import Logging
import Queue

/// `autofix serve`: the HTTP door for GitHub-hosted runners and webhooks, over the same queue.
public struct IntakeServer: Sendable {
    let store: any JobStore
    let configuration: IntakeHTTPConfiguration
    let maxAttempts: Int
    /// Prometheus text for `GET /metrics`: process metrics and database gauges.
    let metrics: @Sendable () async -> String
    let enqueuer: GroupCommitter<NewJob, EnqueueResult>

    public init(store: any JobStore, configuration: IntakeHTTPConfiguration, maxAttempts: Int, metrics: @escaping @Sendable () async -> String) {
        self.store = store
        self.configuration = configuration
        self.maxAttempts = maxAttempts
        self.metrics = metrics
        // Concurrent requests share one fsynced commit; each still gets its own job id before its 202.
        enqueuer = GroupCommitter { [store] jobs in try await store.enqueue(jobs) }
    }

    /// The application; `onRunning` receives the bound port (tests bind port 0).
    public func application(logger: Logger, onRunning: @escaping @Sendable (Int) async -> Void = { _ in }) -> some ApplicationProtocol {
        let router = Router(context: BasicRequestContext.self)
        router.add(middleware: RequestMetricsMiddleware())
        addRoutes(to: router)
        return Application(
            router: router,
            server: .http1(configuration: .init(idleTimeout: .seconds(Int64(configuration.idleTimeout.components.seconds)))),
            configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "autofix"),
            onServerRunning: { channel in await onRunning(channel.localAddress?.port ?? 0) },
            logger: logger)
    }

    func addRoutes(to router: Router<BasicRequestContext>) {
        router.get("/healthz") { _, _ in JSONResponse.make(.ok, ["status": "ok"]) }
        router.get("/readyz") { _, _ in
            do {
                _ = try await store.isPaused()
                return JSONResponse.make(.ok, ["status": "ready"])
            } catch {
                return JSONResponse.make(.serviceUnavailable, ["error": "database unavailable"])
            }
        }
        router.get("/metrics") { _, _ in
            Response(
                status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                body: .init(byteBuffer: ByteBuffer(string: await metrics())))
        }
        router.post("/v1/dispatch") { request, _ in try await dispatch(request) }
        router.post("/v1/jobs") { request, _ in try await createJob(request) }
        router.get("/v1/jobs") { request, _ in try await listJobs(request) }
        router.get("/v1/jobs/{id}") { request, context in try await showJob(request, id: context.parameters.get("id")) }
        router.post("/v1/jobs/{id}/retry") { request, context in try await retryJob(request, id: context.parameters.get("id")) }
        router.post("/v1/jobs/{id}/cancel") { request, context in try await cancelJob(request, id: context.parameters.get("id")) }
        router.post("/webhooks/github") { request, _ in try await webhook(request) }
    }

    /// Validates, enqueues (group-committed), and answers 202 with the job.
    func accept(_ enqueueRequest: EnqueueRequest, scope: RepositoryScope = .all) async throws -> Response {
        let job: NewJob
        do {
            job = try enqueueRequest.newJob(maxAttempts: maxAttempts)
            guard scope.allows(job.repo ?? "") else { throw APIError(.forbidden, "this API key may not enqueue for \(job.repo ?? "")") }
        } catch let error as IntakeError {
            throw APIError(.badRequest, error.description)
        }
        let result = try await enqueuer.submit(job)
        let text = #"{"created":\#(result.created),"id":\#(result.job.id),"state":"\#(result.job.state.rawValue)"}"#
        return Response(status: .accepted, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(string: text + "\n")))
    }

    func readRequest(_ data: Data) throws -> EnqueueRequest {
        do {
            return try EnqueueRequest.fromPayload(data)
        } catch let error as IntakeError {
            throw APIError(.badRequest, error.description)
        }
    }
}
