import Foundation
import Hummingbird
import Queue

/// Reading request bodies within the size limit, and writing JSON.
enum JSONBody {
    static func collect(_ request: Request, limit: Int) async throws -> Data {
        do {
            var buffer = try await request.body.collect(upTo: limit)
            return Data(buffer.readBytes(length: buffer.readableBytes) ?? [])
        } catch {
            throw APIError(.contentTooLarge, "request body exceeds \(limit) bytes")
        }
    }

    static func object(_ data: Data) throws -> [String: Any] {
        guard let value = try? JSONSerialization.jsonObject(with: data) else { throw APIError(.badRequest, "malformed JSON") }
        guard let object = value as? [String: Any] else { throw APIError(.badRequest, "expected a JSON object") }
        return object
    }

    static func encode(_ object: Any) -> String { JobJSON.text(object) }
}
