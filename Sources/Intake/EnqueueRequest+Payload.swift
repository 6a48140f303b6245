import Foundation

extension EnqueueRequest {
    /// Reads the seed's `ci-failure` payload `{"run_id","run_url","branch","sha"}` (plus `repo`,
    /// and optionally `run_attempt`, `workflow`, `head_sha`, `priority`). Numbers may be JSON
    /// numbers or strings, since workflow templates often quote `${{ github.run_id }}`.
    public static func fromPayload(_ data: Data) throws -> EnqueueRequest {
        guard !data.isEmpty else { throw IntakeError.malformedPayload("empty input") }
        guard (try? JSONSerialization.jsonObject(with: data)) != nil else {
            throw IntakeError.malformedPayload("not valid JSON")
        }
        do {
            return try JSONDecoder().decode(EnqueueRequest.self, from: data)
        } catch DecodingError.typeMismatch(_, let context) {
            let field = context.codingPath.first?.stringValue ?? "payload"
            throw IntakeError.invalidField(field.replacingOccurrences(of: "_", with: " "), "expected a string or number")
        } catch {
            throw IntakeError.malformedPayload("expected a JSON object")
        }
    }

    /// The seed's dispatch body, decoded in one pass: `{"event_type", "client_payload"}`.
    public struct Dispatch: Decodable, Sendable {
        public var eventType: String?
        public var clientPayload: EnqueueRequest?

        enum CodingKeys: String, CodingKey {
            case eventType = "event_type"
            case clientPayload = "client_payload"
        }
    }

    /// Decodes a dispatch body; malformed JSON and wrong types are `IntakeError`s.
    public static func dispatch(_ data: Data) throws -> Dispatch {
        do {
            return try JSONDecoder().decode(Dispatch.self, from: data)
        } catch DecodingError.typeMismatch(_, let context) {
            let field = context.codingPath.last?.stringValue ?? "payload"
            throw IntakeError.invalidField(field.replacingOccurrences(of: "_", with: " "), "has the wrong type")
        } catch {
            throw IntakeError.malformedPayload("malformed JSON")
        }
    }

    fileprivate struct Payload: Decodable {
        var repo, repository, run_id, run_attempt, workflow, sha, head_sha, branch, run_url, priority: Scalar?
    }

    /// A JSON string or number, kept as text; booleans, arrays and objects are type mismatches.
    fileprivate struct Scalar: Decodable {
        var text: String

        /// Fields that are usually numbers are tried as numbers first: a failed decode throws,
        /// and this runs for every dispatch.
        private static let numeric: Set<String> = ["run_id", "run_attempt", "priority"]

        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if Self.numeric.contains(decoder.codingPath.last?.stringValue ?? ""), let integer = try? container.decode(Int64.self) {
                text = String(integer)
            } else if let string = try? container.decode(String.self) {
                text = string
            } else if let integer = try? container.decode(Int64.self) {
                text = String(integer)
            } else if let number = try? container.decode(Double.self) {
                text = String(number)
            } else {
                throw DecodingError.typeMismatch(String.self, .init(codingPath: decoder.codingPath, debugDescription: "not a string or number"))
            }
        }
    }
}

extension EnqueueRequest: Decodable {
    public init(from decoder: any Decoder) throws {
        let payload = try Payload(from: decoder)
        self.init(
            repo: payload.repo?.text ?? payload.repository?.text, runID: payload.run_id?.text,
            runAttempt: payload.run_attempt?.text, workflow: payload.workflow?.text,
            headSHA: payload.sha?.text ?? payload.head_sha?.text, branch: payload.branch?.text,
            runURL: payload.run_url?.text, priority: payload.priority?.text)
    }
}
