/// Untrusted text (CI logs, payload fields, the model's explanation) placed in a PR body or comment: it
/// may not break out of its code span, ping people, or close issues when the PR is merged.
public enum Markdown {
    /// An inline code span that no backtick inside can end.
    public static func code(_ text: String) -> String {
        let flat = text.replacingOccurrences(of: "\n", with: " ").replacingOccurrences(of: "`", with: "\u{02CB}")
        return "`\(flat)`"
    }

    /// Prose: mentions and issue-closing keywords neutralised.
    public static func text(_ text: String) -> String {
        // No raw HTML, no images or links that load or point anywhere.
        var result = text.replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: "![", with: "!\\[")
            .replacingOccurrences(of: "](", with: "]\u{200B}(")
        result = result.replacingOccurrences(of: "@", with: "@\u{200B}")
        // Closing keywords before `#1`, `owner/repo#1`, `GH-1` or an issue URL.
        result = result.replacingOccurrences(
            of: #"(?i)\b(close[sd]?|fix(e[sd])?|resolve[sd]?)(\s*:?\s+)(?=[\w./-]*#\d|gh-\d|https?://\S+/(issues|pull)/\d)"#,
            with: "$1\u{200B}$3", options: .regularExpression)
        return result.replacingOccurrences(of: "#", with: "#\u{200B}")
    }

    /// A block quote of untrusted prose.
    public static func quote(_ text: String) -> String {
        Self.text(text).split(separator: "\n", omittingEmptySubsequences: false).map { "> \($0)" }.joined(separator: "\n")
    }

    /// A link target: only https URLs, else nothing clickable.
    public static func url(_ text: String) -> String {
        text.hasPrefix("https://") && !text.contains(")") && !text.contains(" ") ? text : "#"
    }
}
