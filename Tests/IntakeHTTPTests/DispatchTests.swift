import Foundation
import Testing

@Suite("HTTP intake: dispatch and jobs API", .serialized)
struct DispatchTests {
    static let seed =
        #"{"event_type":"ci-failure","client_payload":{"repo":"octo/app","run_id":4242,"run_url":"https://github.com/octo/app/actions/runs/4242","branch":"main","sha":"0123456789abcdef0123456789abcdef01234567"}}"#
    let key = ["x-api-key": TestServer.apiKey]

    @Test func dispatch_seedPayloadTwice_createsOneJob() async throws {
        try await TestServer.with { server async throws in
            let first = try await server.send("POST", "/v1/dispatch", body: Data(Self.seed.utf8), headers: ["x-api-key": TestServer.apiKey])
            let second = try await server.send("POST", "/v1/dispatch", body: Data(Self.seed.utf8), headers: ["Authorization": "Bearer \(TestServer.apiKey)"])
            #expect(first.status == 202 && second.status == 202)
            #expect(server.json(first.body)["id"] as? Int == 1)
            #expect(server.json(second.body)["id"] as? Int == 1)
            #expect(server.json(second.body)["created"] as? Bool == false)
            #expect(try await server.jobCount() == 1)
            let job = try #require(try await server.store.job(id: 1))
            #expect(job.dedupeKey == "octo/app#4242#1")
        }
    }

    @Test func dispatch_badRequests_areJSONErrorsAndEnqueueNothing() async throws {
        try await TestServer.with { server async throws in
            let key = ["x-api-key": TestServer.apiKey]
            let cases: [(String, Data, [String: String], Int)] = [
                ("missing event_type", Data(#"{"client_payload":{"repo":"o/r","run_id":1}}"#.utf8), key, 400),
                ("malformed JSON", Data(#"{"event_type":"#.utf8), key, 400),
                ("invalid repo", Data(#"{"event_type":"ci-failure","client_payload":{"repo":"nope","run_id":1}}"#.utf8), key, 400),
                ("oversized body", Data(repeating: UInt8(ascii: "a"), count: 70_000), key, 413),
                ("wrong API key", Data(Self.seed.utf8), ["x-api-key": "wrong"], 401),
                ("no API key", Data(Self.seed.utf8), [:], 401),
            ]
            for (name, body, headers, status) in cases {
                let response = try await server.send("POST", "/v1/dispatch", body: body, headers: headers)
                #expect(response.status == status, "\(name): \(response.body)")
                #expect(server.json(response.body)["error"] is String, "\(name): JSON error, got \(response.body)")
            }
            #expect(try await server.jobCount() == 0)
        }
    }

    @Test func jobsAPI_listsShowsAndLetsOnlyOperatorsCancel() async throws {
        try await TestServer.with { server async throws in
            let created = try await server.send("POST", "/v1/jobs", body: Data(#"{"repo":"o/r","run_id":"77","branch":"main"}"#.utf8), headers: key)
            #expect(created.status == 202)
            let list = try await server.send("GET", "/v1/jobs?state=queued&limit=5", headers: key)
            #expect(list.status == 200)
            let array = try #require(try JSONSerialization.jsonObject(with: Data(list.body.utf8)) as? [[String: Any]])
            #expect(array.count == 1)
            let shown = try await server.send("GET", "/v1/jobs/1", headers: key)
            #expect(server.json(shown.body)["runs"] is [Any])
            #expect(try await server.send("GET", "/v1/jobs/99", headers: key).status == 404)
            #expect(try await server.send("POST", "/v1/jobs/1/cancel", headers: key).status == 401, "an intake key is not an operator key")
            let cancelled = try await server.send("POST", "/v1/jobs/1/cancel", headers: ["x-api-key": TestServer.operatorKey])
            #expect(cancelled.status == 200)
            #expect(try await server.store.job(id: 1)?.state == .cancelled)
            #expect(try await server.send("POST", "/v1/jobs/1/cancel", headers: ["x-api-key": TestServer.operatorKey]).status == 409)
            #expect(try await server.send("POST", "/v1/jobs/1/retry", headers: ["x-api-key": TestServer.operatorKey]).status == 200)
            #expect(try await server.store.job(id: 1)?.state == .queued)
        }
    }

    @Test func health_andReadiness_answer() async throws {
        try await TestServer.with { server async throws in
            #expect(try await server.send("GET", "/healthz").status == 200)
            #expect(try await server.send("GET", "/readyz").status == 200)
        }
    }

    @Test func scopedAPIKey_enqueuesAndReadsOnlyItsRepositories() async throws {
        let scoped = "octo-team-key"
        try await TestServer.with(environment: ["AUTOFIX_API_KEYS": "\(TestServer.apiKey),\(scoped):octo/*"]) { server async throws in
            let mine = ["x-api-key": scoped]
            let own = try await server.send("POST", "/v1/jobs", body: Data(#"{"repo":"octo/app","run_id":1}"#.utf8), headers: mine)
            #expect(own.status == 202, "\(own.body)")
            let other = try await server.send("POST", "/v1/jobs", body: Data(#"{"repo":"acme/app","run_id":2}"#.utf8), headers: mine)
            #expect(other.status == 403, "\(other.body)")
            let lookalike = try await server.send("POST", "/v1/jobs", body: Data(#"{"repo":"octopus/app","run_id":3}"#.utf8), headers: mine)
            #expect(lookalike.status == 403)
            #expect(try await server.send("POST", "/v1/jobs", body: Data(#"{"repo":"acme/app","run_id":2}"#.utf8), headers: key).status == 202)
            let list = try await server.send("GET", "/v1/jobs", headers: mine)
            let array = try #require(try JSONSerialization.jsonObject(with: Data(list.body.utf8)) as? [[String: Any]])
            #expect(array.count == 1 && array.first?["repo"] as? String == "octo/app")
            #expect(try await server.send("GET", "/v1/jobs?repo=acme/app", headers: mine).status == 403)
            #expect(try await server.send("GET", "/v1/jobs/2", headers: mine).status == 404)
            #expect(try await server.jobCount() == 2)
        }
    }
}
