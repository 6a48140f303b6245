import Foundation
import GitHub
import Hummingbird
import Logging
import Synchronization
import Testing

/// A loopback stand-in for `POST /repos/{owner}/{repo}/dispatches`, shaped by ops.json: 204, or 422 with a message.
final class FakeGitHub: Sendable {
    struct Received: Sendable {
        var path: String
        var authorization: String?
        var accept: String?
        var body: [String: String]
    }

    let received = Mutex<[Received]>([])
    /// Statuses to answer before succeeding (5xx injection).
    let failFirst = Mutex<[Int]>([])

    func run(_ body: @Sendable (URL) async throws -> Void) async throws {
        let router = Router()
        router.post("/repos/{owner}/{repo}/dispatches") { request, context -> Response in
            var buffer = try await request.body.collect(upTo: 1 << 16)
            let data = Data(buffer.readBytes(length: buffer.readableBytes) ?? [])
            let object = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] ?? [:]
            let flat = object.mapValues { value in
                (try? JSONSerialization.data(withJSONObject: value, options: [.fragmentsAllowed, .sortedKeys])).map { String(decoding: $0, as: UTF8.self) }
                    ?? ""
            }
            self.received.withLock {
                $0.append(
                    Received(
                        path: "/repos/\(context.parameters.get("owner")!)/\(context.parameters.get("repo")!)/dispatches",
                        authorization: request.headers[.authorization], accept: request.headers[.accept], body: flat))
            }
            if let status = self.failFirst.withLock({ $0.isEmpty ? nil : $0.removeFirst() }) {
                return Response(status: .init(code: status))
            }
            if object["event_type"] as? String == "" {
                let message = #"{"message":"Validation Failed","documentation_url":"https://docs.github.com/rest"}"#
                return Response(
                    status: .unprocessableContent, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(string: message)))
            }
            return Response(status: .noContent)
        }
        let port = Mutex<Int?>(nil)
        let app = Application(
            router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)),
            onServerRunning: { channel in port.withLock { $0 = channel.localAddress?.port } },
            logger: Logger(label: "fake-github", factory: { _ in SwiftLogNoOpLogHandler() }))
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await app.runService() }
            while port.withLock({ $0 }) == nil { await Task.yield() }
            defer { group.cancelAll() }
            try await body(URL(string: "http://127.0.0.1:\(port.withLock { $0! })")!)
        }
    }
}

@Suite("GitHub repository_dispatch", .serialized)
struct GitHubDispatchTests {
    @Test func createDispatchEvent_postsEventTypeAndPayloadWithToken() async throws {
        let github = FakeGitHub()
        try await github.run { base in
            let client = GitHubClient(baseURL: base, token: "ghp_test")
            try await client.createDispatchEvent(repo: "octo/app", eventType: "ci-failure", clientPayload: ["run_id": 7])
        }
        let request = try #require(github.received.withLock { $0.first })
        #expect(request.path == "/repos/octo/app/dispatches")
        #expect(request.authorization == "Bearer ghp_test")
        #expect(request.accept == "application/vnd.github+json")
        #expect(request.body["event_type"] == #""ci-failure""#)
        #expect(request.body["client_payload"] == #"{"run_id":7}"#)
    }

    @Test func createDispatchEvent_retries5xxThenSucceeds() async throws {
        let github = FakeGitHub()
        github.failFirst.withLock { $0 = [502] }
        try await github.run { base in
            try await GitHubClient(baseURL: base, token: "t").createDispatchEvent(repo: "o/r", eventType: "x", clientPayload: [:])
        }
        #expect(github.received.withLock { $0.count } == 2)
    }

    @Test func createDispatchEvent_422IsAPermanentTypedError() async throws {
        let github = FakeGitHub()
        try await github.run { base in
            await #expect(throws: GitHubError.validationFailed("Validation Failed")) {
                try await GitHubClient(baseURL: base, token: "t").createDispatchEvent(repo: "o/r", eventType: "", clientPayload: [:])
            }
        }
        #expect(!GitHubError.validationFailed("x").isRetryable)
        #expect(GitHubError.unauthorized("Bad credentials").description.contains("token"))
    }
}
