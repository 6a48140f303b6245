import Core
import Foundation
import Hummingbird
import Intake
import Queue

extension IntakeServer {
    /// The seed's `{"event_type": "ci-failure", "client_payload": {repo, run_id, run_url, branch, sha, run_attempt?}}`.
    func dispatch(_ request: Request) async throws -> Response {
        let scope = try SecretCheck.authorize(request, keys: configuration.apiKeys + configuration.operatorKeys, purpose: "API")
        let data = try await JSONBody.collect(request, limit: configuration.maxBodyBytes)
        let body: EnqueueRequest.Dispatch
        do {
            body = try EnqueueRequest.dispatch(data)
        } catch let error as IntakeError {
            if case .malformedPayload = error { throw APIError(.badRequest, "malformed JSON") }
            throw APIError(.badRequest, error.description)
        }
        guard let eventType = body.eventType else { throw APIError(.badRequest, "missing event_type") }
        guard eventType == "ci-failure" else {
            throw APIError(.badRequest, "unsupported event_type \(JSONText.quote(eventType)): expected \"ci-failure\"")
        }
        guard let payload = body.clientPayload else { throw APIError(.badRequest, "missing client_payload object") }
        return try await accept(payload, scope: scope)
    }

    /// The enqueue fields directly: `{repo, run_id, run_attempt?, workflow?, head_sha?, branch?, run_url?, priority?}`.
    func createJob(_ request: Request) async throws -> Response {
        let scope = try SecretCheck.authorize(request, keys: configuration.apiKeys + configuration.operatorKeys, purpose: "API")
        let data = try await JSONBody.collect(request, limit: configuration.maxBodyBytes)
        _ = try JSONBody.object(data)
        return try await accept(try readRequest(data), scope: scope)
    }

    func listJobs(_ request: Request) async throws -> Response {
        let scope = try SecretCheck.authorize(request, keys: configuration.apiKeys + configuration.operatorKeys, purpose: "API")
        var filter = JobFilter()
        if let state = request.uri.queryParameters.get("state") {
            guard let parsed = JobState(rawValue: state) else { throw APIError(.badRequest, "unknown state \"\(state)\"") }
            filter.state = parsed
        }
        filter.repo = request.uri.queryParameters.get("repo")
        if let limit = request.uri.queryParameters.get("limit") {
            guard let value = Int(limit), (1...1000).contains(value) else { throw APIError(.badRequest, "limit must be from 1 to 1000") }
            filter.limit = value
        }
        if let repo = filter.repo, !scope.allows(repo) { throw APIError(.forbidden, "this API key may not read jobs of \(repo)") }
        // A scoped key's page is filled from its own repositories' jobs, not cut before the filter.
        let wanted = filter.limit
        if scope != .all, filter.repo == nil { filter.limit = 1000 }
        let jobs = Array(try await store.jobs(filter).filter { scope.allows($0.repo ?? "") }.prefix(wanted))
        return JSONResponse.make(.ok, jobs.map(JobJSON.object))
    }

    func showJob(_ request: Request, id: String?) async throws -> Response {
        let scope = try SecretCheck.authorize(request, keys: configuration.apiKeys + configuration.operatorKeys, purpose: "API")
        let jobID = try Self.jobID(id)
        // Another repository's job is as absent as a job that does not exist.
        guard let job = try await store.job(id: jobID), scope.allows(job.repo ?? "") else { throw APIError(.notFound, "job \(jobID) not found") }
        return JSONResponse.make(.ok, JobJSON.detail(job, runs: try await store.runs(jobID: jobID)))
    }

    func retryJob(_ request: Request, id: String?) async throws -> Response {
        try SecretCheck.authorize(request, keys: configuration.operatorKeys, purpose: "operator")
        let job = try await Self.mapQueueErrors { try await store.retry(id: try Self.jobID(id)) }
        return JSONResponse.make(.ok, JobJSON.object(job))
    }

    func cancelJob(_ request: Request, id: String?) async throws -> Response {
        try SecretCheck.authorize(request, keys: configuration.operatorKeys, purpose: "operator")
        let jobID = try Self.jobID(id)
        let result = try await Self.mapQueueErrors { try await store.cancel(id: jobID) }
        return JSONResponse.make(.ok, ["id": jobID, "result": result == .cancelled ? "cancelled" : "cancel_requested"])
    }

    static func jobID(_ text: String?) throws -> Int64 {
        guard let text, let id = Int64(text), id > 0 else { throw APIError(.badRequest, "invalid job id") }
        return id
    }

    static func mapQueueErrors<T>(_ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch let error as QueueError {
            switch error {
            case .jobNotFound: throw APIError(.notFound, error.description)
            case .invalidTransition: throw APIError(.conflict, error.description)
            default: throw error
            }
        }
    }
}
