/// Untrusted text (logs, code, test output) goes into the prompt between `<ci_log>`, `<code>` and
/// `<test_output>` fences. Escaping every `<` of a fence tag inside it means no content can close its
/// fence and speak as the prompt.
enum PromptFence {
    static let tags = ["ci_log", "code", "test_output"]

    static func escape(_ text: String) -> String {
        var result = text
        for tag in tags {
            for form in ["</\(tag)", "<\(tag)", "</ \(tag)"] {
                result = result.replacingOccurrences(of: form, with: "&lt;" + form.dropFirst(), options: .caseInsensitive)
            }
        }
        return result
    }

    /// A value inside a tag's attribute: no quote or angle bracket may end it.
    static func attribute(_ text: String) -> String {
        text.replacingOccurrences(of: "\"", with: "&quot;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
    }

    /// Test output for a correction round or a public comment: fenced in its own tag.
    static func testOutput(_ text: String) -> String {
        "<test_output>\n\(escape(text))\n</test_output>"
    }
}
