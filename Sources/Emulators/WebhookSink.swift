import Foundation
import Hummingbird
import Logging

/// A webhook receiver that accepts every delivery (202) and keeps nothing: for tests that check what the
/// emulator sends (`GitHubEmulator.deliveries`) without a real intake behind it.
public enum WebhookSink {
    public static func run<T: Sendable>(_ body: @Sendable (URL) async throws -> T) async throws -> T {
        let router = Router(context: BasicRequestContext.self)
        router.post("/webhooks/github") { request, _ in
            _ = try await request.body.collect(upTo: 64 << 20)
            return Response(status: .accepted)
        }
        let logger = Logger(label: "webhook-sink", factory: { _ in SwiftLogNoOpLogHandler() })
        return try await LoopbackServer.run(router: router, logger: logger) { base in try await body(base.appendingPathComponent("webhooks/github")) }
    }
}
