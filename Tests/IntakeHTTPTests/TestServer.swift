import App
import Foundation
import Logging
import Queue
import ServerAssembly
import Synchronization

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// `autofix serve` built through `AutofixApp`, on a free loopback port, over a temporary database.
struct TestServer: Sendable {
    static let apiKey = "test-api-key"
    static let operatorKey = "test-operator-key"
    static let webhookSecret = "It's a Secret to Everybody"

    let base: URL
    let store: any JobStore

    static func with(
        environment extra: [String: String] = [:], _ body: @Sendable (TestServer) async throws -> Void
    ) async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("autofix-http-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        var environment = [
            "AUTOFIX_DATABASE": dir.appendingPathComponent("autofix.sqlite").path, "AUTOFIX_SERVE_PORT": "0",
            "AUTOFIX_API_KEYS": apiKey, "AUTOFIX_OPERATOR_KEYS": operatorKey, "AUTOFIX_WEBHOOK_SECRET": webhookSecret,
            "AUTOFIX_SERVE_MAX_BODY": "65536",
        ]
        environment.merge(extra) { $1 }
        let app = AutofixApp(configuration: try ConfigurationLoader(environment: environment).load(file: nil), environment: environment)
        let port = PortBox()
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                try await app.runServer(logger: Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() })) { bound in
                    port.value.withLock { $0 = bound }
                }
            }
            let deadline = ContinuousClock.now.advanced(by: .seconds(30))
            while port.value.withLock({ $0 }) == nil {
                guard ContinuousClock.now < deadline else { throw URLError(.cannotConnectToHost) }
                await Task.yield()
            }
            let server = TestServer(base: URL(string: "http://127.0.0.1:\(port.value.withLock { $0! })")!, store: try await app.openEmbeddedStore(.intake))
            do {
                try await body(server)
            } catch {
                group.cancelAll()
                throw error
            }
            group.cancelAll()
        }
    }

    /// Sends a request; returns the status and the body as text.
    func send(_ method: String, _ path: String, body: Data? = nil, headers: [String: String] = [:]) async throws -> (status: Int, body: String) {
        var request = URLRequest(url: base.appendingPathComponent(path))
        if let query = path.split(separator: "?", maxSplits: 1).dropFirst().first {
            request.url = URL(string: base.absoluteString + path.split(separator: "?")[0] + "?" + query)
        }
        request.httpMethod = method
        request.httpBody = body
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        let (data, response) = try await URLSession.shared.data(for: request)
        return ((response as! HTTPURLResponse).statusCode, String(decoding: data, as: UTF8.self))
    }

    func json(_ text: String) -> [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any] ?? [:]
    }

    func jobCount() async throws -> Int { try await store.jobs(JobFilter(limit: 100_000)).count }
}

/// The port the server reports once it listens.
final class PortBox: Sendable {
    let value = Mutex<Int?>(nil)
}
