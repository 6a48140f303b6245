import Foundation

/// Replaces credentials in text with `[REDACTED:<kind>]` before it leaves the process (prompts, PR bodies, records).
public struct SecretRedactor: Sendable {
    public init() {}

    public func redact(_ text: String) -> String {
        var result = text
        for pattern in SecretPattern.all where pattern.needles.contains(where: { result.contains($0) }) {
            result = pattern.apply(result)
        }
        return result
    }

    /// True when `redact` would change `text`.
    public func containsSecret(_ text: String) -> Bool {
        redact(text) != text
    }
}

/// One credential shape: cheap needles first, the regex only when one is present.
struct SecretPattern: Sendable {
    let id: String
    let needles: [String]
    let regex: NSRegularExpression
    /// A template; `$1` keeps a prefix such as the key of an assignment.
    let template: String

    init(_ id: String, needles: [String], _ pattern: String, options: NSRegularExpression.Options = [], keep prefix: Bool = false) {
        self.id = id
        self.needles = needles
        self.regex = try! NSRegularExpression(pattern: pattern, options: options)
        self.template = (prefix ? "$1" : "") + "[REDACTED:\(id)]"
    }

    func apply(_ text: String) -> String {
        regex.stringByReplacingMatches(in: text, range: NSRange(text.startIndex..., in: text), withTemplate: template)
    }

    static let all: [SecretPattern] = [
        // A block cut off by the log's size cap is redacted to the end of the text.
        SecretPattern("private_key", needles: ["PRIVATE KEY"],
                      #"-----BEGIN[A-Z0-9 ]*PRIVATE KEY( BLOCK)?-----(?:.*?-----END[A-Z0-9 ]*PRIVATE KEY( BLOCK)?-----|.*\z)"#,
                      options: [.dotMatchesLineSeparators]),
        SecretPattern("github_token", needles: ["ghp_", "gho_", "ghu_", "ghs_", "ghr_"], #"\bgh[pousr]_[A-Za-z0-9]{36,251}\b"#),
        SecretPattern("github_token", needles: ["github_pat_"], #"\bgithub_pat_[A-Za-z0-9_]{22,255}"#),
        SecretPattern("aws_access_key", needles: ["AKIA", "ASIA", "AGPA", "AIDA", "AROA", "AIPA", "ANPA", "ANVA"],
                      #"\b(?:AKIA|ASIA|AGPA|AIDA|AROA|AIPA|ANPA|ANVA)[A-Z0-9]{16}\b"#),
        SecretPattern("jwt", needles: ["eyJ"], #"\beyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}"#),
        SecretPattern("slack_token", needles: ["xox"], #"\bxox[abposr]-[A-Za-z0-9-]{10,}"#),
        SecretPattern("slack_webhook", needles: ["hooks.slack.com"], #"https://hooks\.slack\.com/services/[A-Za-z0-9/_-]+"#),
        SecretPattern("stripe_key", needles: ["_live_", "_test_"], #"\b(?:sk|rk|pk)_(?:live|test)_[A-Za-z0-9]{16,}"#),
        SecretPattern("google_api_key", needles: ["AIza"], #"\bAIza[0-9A-Za-z_-]{35}"#),
        SecretPattern("url_credentials", needles: ["://"], #"([A-Za-z][A-Za-z0-9+.-]*://)[^\s/:@'"]+:[^\s/@'"]+@"#, keep: true),
        // Assignments: quoted values of 4+ characters, or bare values that look like data rather than
        // code (a digit or symbol in them, no call, member access or indexing).
        SecretPattern("assignment", needles: ["=", ":"],
                      #"(?i)(\b[A-Za-z_]*(?:password|passwd|pwd|token|secret|api_?key|access_?key|private_?key|client_?secret)[A-Za-z_]*["']?\s*[:=]\s*)(?:"[^"\s]{4,}"|'[^'\s]{4,}'|(?=[^\s"'(),.\[\]{};]*[0-9!@#$%^&*+/=~-])[^\s"'(),.\[\]{};]{6,})"#,
                      keep: true),
    ]
}
