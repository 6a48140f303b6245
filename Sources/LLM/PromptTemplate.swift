import Foundation

/// A versioned prompt file: a `# system` section and a `# user` section with `{{name}}` placeholders.
public struct PromptTemplate: Sendable, Hashable {
    /// Stored on every run record: `ci_autofix.v1`.
    public var version: String
    public var system: String
    public var user: String

    public init(version: String, text: String) throws {
        self.version = version
        guard let systemRange = text.range(of: "\n## system\n"), let userRange = text.range(of: "\n## user\n"), systemRange.upperBound <= userRange.lowerBound
        else {
            throw LLMError.invalidResponse("prompt \(version) needs '## system' and '## user' sections")
        }
        system = String(text[systemRange.upperBound..<userRange.lowerBound]).trimmingCharacters(in: .whitespacesAndNewlines)
        user = String(text[userRange.upperBound...]).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Fills `{{name}}` from `values`; unknown placeholders become empty. Values are inserted once, never re-expanded.
    public func render(_ values: [String: String]) -> (system: String, user: String) {
        (Self.fill(system, values), Self.fill(user, values))
    }

    static func fill(_ template: String, _ values: [String: String]) -> String {
        var output = ""
        var rest = template[...]
        while let open = rest.range(of: "{{") {
            output += rest[..<open.lowerBound]
            guard let close = rest[open.upperBound...].range(of: "}}") else {
                rest = rest[open.lowerBound...]
                break
            }
            let name = rest[open.upperBound..<close.lowerBound].trimmingCharacters(in: .whitespaces)
            output += values[name] ?? ""
            rest = rest[close.upperBound...]
        }
        return output + rest
    }
}
