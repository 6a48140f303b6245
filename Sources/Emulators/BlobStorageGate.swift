import Foundation
import HTTPTypes
import Hummingbird

/// The storage host job logs are redirected to (ops.json, actions/download-job-logs-for-workflow-run: a
/// 302 whose `Location` is a signed URL on another host that "expires after 1 minute"), answering as
/// Azure Blob Storage answers a pre-signed URL: a request that also carries an `Authorization` header is
/// refused with 400 `InvalidAuthenticationInfo`, a bad or expired signature with 403 `AuthenticationFailed`
/// (Azure's common REST error codes, learn.microsoft.com/rest/api/storageservices/common-rest-api-error-codes;
/// the forwarded-token failure on this endpoint is finding 1 of issue 12's audit). Every request is recorded
/// like the API's, so tests can see what reached storage.
struct BlobStorageGate: RouterMiddleware {
    typealias Context = BasicRequestContext
    let emulator: GitHubEmulator

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var headers: [String: String] = [:]
        for field in request.headers { headers[field.name.canonicalName] = field.value }
        let recorded = RecordedRequest(method: request.method.rawValue, target: "storage:" + request.uri.description, headers: headers, body: "")
        emulator.state.withLock {
            $0.requests.append("\(request.method.rawValue) storage:\(request.uri.path)")
            $0.exchanges.append(recorded)
        }
        if request.headers[.authorization] != nil {
            return Self.error(
                .badRequest, code: "InvalidAuthenticationInfo",
                message: "Authentication information is not given in the correct format. Check the value of Authorization header.")
        }
        return try await next(request, context)
    }

    /// Azure's error body: XML with `Code` and `Message` (and the request id and time in the message).
    static func error(_ status: HTTPResponse.Status, code: String, message: String) -> Response {
        let body = """
            <?xml version="1.0" encoding="utf-8"?><Error><Code>\(code)</Code><Message>\(message)
            RequestId:\(UUID().uuidString.lowercased())
            Time:\(ISO8601DateFormatter().string(from: Date()))</Message></Error>
            """
        return Response(
            status: status, headers: [.contentType: "application/xml", HTTPField.Name("x-ms-error-code")!: code],
            body: .init(byteBuffer: ByteBuffer(string: body)))
    }
}
