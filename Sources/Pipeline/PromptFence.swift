/// Untrusted text (logs, code, test output, maps of a repository) goes into the prompt between `<ci_log>`,
/// `<code>`, `<test_output>` and `<map>` fences. Escaping every `<` of a fence tag inside it means no content can close its
/// fence and speak as the prompt.
enum PromptFence {
    static func escape(_ text: String) -> String {
        // `<`, optional whitespace or `/`, then a fence name, in any case: `</ci_log`, `< /code`, `</\tcode`.
        // Invisible format characters (zero-width, BOM) count as spacing too.
        text.replacingOccurrences(of: #"<(?=[\s\p{Cf}/]*(?:ci_log|code|test_output|map)\b)"#, with: "&lt;", options: [.regularExpression, .caseInsensitive])
    }

    /// Whether a tracked path may be named in a prompt at all: git allows newlines, angle brackets and
    /// quotes in names, with which a path could open or close a fence or start a line of its own.
    static func isPresentable(_ path: String) -> Bool {
        !path.unicodeScalars.contains {
            $0.properties.generalCategory == .control || $0.properties.generalCategory == .format || "<>\"`".unicodeScalars.contains($0)
        }
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
