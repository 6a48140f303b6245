import Foundation
import HTTPTypes
import Hummingbird
import Logging
import Synchronization

/// Runs a router on a loopback address (127.0.0.1 unless told; 127.0.0.2 plays a second host) for as long as `body` runs.
enum LoopbackServer {
    static func run<T: Sendable>(
        router: Router<BasicRequestContext>, host: String = "127.0.0.1", port: Int = 0, logger: Logger,
        _ body: @Sendable (URL) async throws -> T
    ) async throws -> T {
        let bound = Mutex<Int?>(nil)
        let application = Application(
            router: router, configuration: .init(address: .hostname(host, port: port), serverName: "emulator"),
            onServerRunning: { channel in bound.withLock { $0 = channel.localAddress?.port } }, logger: logger)
        return try await withThrowingTaskGroup(of: T?.self) { group in
            group.addTask {
                try await application.runService()
                return nil
            }
            let deadline = ContinuousClock.now.advanced(by: .seconds(30))
            var port: Int?
            while port == nil {
                port = bound.withLock { $0 }
                guard ContinuousClock.now < deadline else { throw CancellationError() }
                if port == nil { try await Task.sleep(for: .milliseconds(5)) }
            }
            do {
                let result = try await body(URL(string: "http://\(host):\(port!)")!)
                group.cancelAll()
                return result
            } catch {
                group.cancelAll()
                throw error
            }
        }
    }
}

/// JSON and text responses in the shapes the emulated APIs use.
enum Reply {
    static func json(_ status: HTTPResponse.Status, _ object: Any, headers: HTTPFields = [:]) -> Response {
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data("{}".utf8)
        var fields = headers
        fields[.contentType] = "application/json; charset=utf-8"
        return Response(status: status, headers: fields, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    static func text(_ status: HTTPResponse.Status, _ text: String, headers: HTTPFields = [:]) -> Response {
        var fields = headers
        fields[.contentType] = "text/plain; charset=utf-8"
        return Response(status: status, headers: fields, body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    /// GitHub's 422 for a required body field that is missing: `Invalid request.\n\n"field" wasn't supplied.`
    static func missing(_ field: String, docs: String) -> Response {
        json(.unprocessableContent, ["message": "Invalid request.\n\n\"\(field)\" wasn't supplied.", "documentation_url": docs])
    }

    static func body(_ request: Request) async throws -> [String: Any] {
        let buffer = try await request.body.collect(upTo: 16 << 20)
        return (try? JSONSerialization.jsonObject(with: Data(buffer.readableBytesView))) as? [String: Any] ?? [:]
    }
}
