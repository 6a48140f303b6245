import Hummingbird

/// An HTTP error answered as `{"error": "…"}` with its status.
public struct APIError: HTTPResponseError, Sendable {
    public var status: HTTPResponse.Status
    public var message: String

    public init(_ status: HTTPResponse.Status, _ message: String) {
        self.status = status
        self.message = message
    }

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        JSONResponse.make(status, ["error": message])
    }
}

/// JSON bodies built with JSONSerialization, so handlers can answer with plain dictionaries.
enum JSONResponse {
    static func make(_ status: HTTPResponse.Status, _ object: Any) -> Response {
        let text = JSONBody.encode(object)
        return Response(
            status: status, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(string: text + "\n")))
    }
}
