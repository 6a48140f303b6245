import Foundation

/// Replaces credentials in text with `[REDACTED:<kind>]` before it leaves the process (prompts, PR bodies,
/// comments, records, logs). Two mechanisms: the shapes of well-known credentials, and the worker's own
/// secrets, which it knows, found in any encoding (plain, base64 at each alignment, hex, URL-encoded,
/// JSON-escaped), with zero-width characters, escapes and line wraps taken out before matching.
public struct SecretRedactor: Sendable {
    /// Every form of every known secret, as the normalised text would hold it.
    let needles: [[Unicode.Scalar]]
    /// Whether the shapes of well-known credentials are redacted too (always, but for a leak detector).
    let usesPatterns: Bool

    public init(knownSecrets: [String] = [], patterns: Bool = true) {
        needles = knownSecrets.filter { $0.utf8.count >= 8 }.flatMap(Self.forms).map { Array($0.unicodeScalars) }
        usesPatterns = patterns
    }

    public func redact(_ text: String) -> String {
        guard usesPatterns else {
            let squeezed = NormalizedText(text, dropWhitespace: true)
            let spans = needles.flatMap { squeezed.originalSpans(of: $0) }
            return spans.isEmpty ? text : squeezed.replacing(spans, with: "[REDACTED:secret]")
        }
        var result = text
        for pattern in SecretPattern.all where pattern.needles.contains(where: { result.contains($0) }) {
            result = pattern.apply(result)
        }
        // What an encoding hid from the patterns: match on the decoded text, redact the original span.
        let decoded = NormalizedText(result, dropWhitespace: false)
        var spans = decoded.isIdentity ? [] : SecretPattern.all.flatMap { decoded.originalSpans(of: $0.regex) }
        let squeezed = NormalizedText(result, dropWhitespace: true)
        spans += SecretPattern.prefixed.flatMap { squeezed.originalSpans(of: $0.regex) }
        spans += needles.flatMap { squeezed.originalSpans(of: $0) }
        return spans.isEmpty ? result : squeezed.replacing(spans, with: "[REDACTED:secret]")
    }

    /// True when `redact` would change `text`.
    public func containsSecret(_ text: String) -> Bool {
        redact(text) != text
    }

    /// The forms a secret takes on its way out: itself, base64 at the three byte alignments (the part of
    /// the encoding that does not depend on the neighbouring bytes), hex, and the JSON escape of `/`.
    static func forms(_ secret: String) -> [String] {
        let bytes = Array(secret.utf8)
        var forms: Set<String> = [secret, secret.replacingOccurrences(of: "/", with: "\\/")]
        for shift in 0..<3 {
            let encoded = Data(Array(repeating: 0, count: shift) + bytes).base64EncodedString()
            // Characters influenced by padding or by the zeros in front are dropped from both ends.
            let skip = shift == 0 ? 0 : (shift * 8 + 5) / 6
            let keep = (bytes.count + shift) * 8 / 6
            let start = encoded.index(encoded.startIndex, offsetBy: skip)
            let end = encoded.index(encoded.startIndex, offsetBy: max(skip, keep))
            let core = String(encoded[start..<end])
            if core.count >= 8 {
                forms.insert(core)
                forms.insert(core.replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_"))
            }
        }
        forms.insert(bytes.map { String(format: "%02x", $0) }.joined())
        forms.insert(bytes.map { String(format: "%02X", $0) }.joined())
        return Array(forms)
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
        SecretPattern(
            "private_key", needles: ["PRIVATE KEY"],
            #"-----BEGIN[A-Z0-9 ]*PRIVATE KEY( BLOCK)?-----(?:.*?-----END[A-Z0-9 ]*PRIVATE KEY( BLOCK)?-----|.*\z)"#,
            options: [.dotMatchesLineSeparators]),
        SecretPattern("github_token", needles: ["ghp_", "gho_", "ghu_", "ghs_", "ghr_"], #"\bgh[pousr]_[A-Za-z0-9]{36,251}\b"#),
        SecretPattern("github_token", needles: ["github_pat_"], #"\bgithub_pat_[A-Za-z0-9_]{22,255}"#),
        SecretPattern(
            "aws_access_key", needles: ["AKIA", "ASIA", "AGPA", "AIDA", "AROA", "AIPA", "ANPA", "ANVA"],
            #"\b(?:AKIA|ASIA|AGPA|AIDA|AROA|AIPA|ANPA|ANVA)[A-Z0-9]{16}\b"#),
        SecretPattern("jwt", needles: ["eyJ"], #"\beyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}"#),
        SecretPattern("slack_token", needles: ["xox"], #"\bxox[abposr]-[A-Za-z0-9-]{10,}"#),
        SecretPattern("slack_webhook", needles: ["hooks.slack.com"], #"https://hooks\.slack\.com/services/[A-Za-z0-9/_-]+"#),
        SecretPattern("stripe_key", needles: ["_live_", "_test_"], #"\b(?:sk|rk|pk)_(?:live|test)_[A-Za-z0-9]{16,}"#),
        SecretPattern("google_api_key", needles: ["AIza"], #"\bAIza[0-9A-Za-z_-]{35}"#),
        SecretPattern("openai_key", needles: ["sk-"], #"\bsk-(?:proj-|svcacct-|admin-)?[A-Za-z0-9_-]{20,}"#),
        SecretPattern("anthropic_key", needles: ["sk-ant-"], #"\bsk-ant-[A-Za-z0-9_-]{20,}"#),
        SecretPattern("npm_token", needles: ["npm_"], #"\bnpm_[A-Za-z0-9]{36}\b"#),
        SecretPattern("pypi_token", needles: ["pypi-"], #"\bpypi-AgE[A-Za-z0-9_-]{50,}"#),
        SecretPattern("gitlab_token", needles: ["glpat-", "gldt-", "glrt-"], #"\bgl(?:pat|dt|rt)-[A-Za-z0-9_-]{20,}"#),
        SecretPattern("huggingface_token", needles: ["hf_"], #"\bhf_[A-Za-z0-9]{30,}"#),
        SecretPattern("azure_key", needles: ["AccountKey=", "SharedAccessKey="], #"((?:Account|SharedAccess)Key=)[A-Za-z0-9+/=]{20,}"#, keep: true),
        SecretPattern("docker_auth", needles: ["auth"], #"("auth"\s*:\s*")[A-Za-z0-9+/=]{12,}"#, keep: true),
        SecretPattern("url_credentials", needles: ["://"], #"([A-Za-z][A-Za-z0-9+.-]*://)[^\s/:@'"]+:[^\s/@'"]+@"#, keep: true),
        // Assignments: quoted values of 4+ characters, or bare values that look like data rather than
        // code (a digit or symbol in them, no call, member access or indexing).
        SecretPattern(
            "assignment", needles: ["=", ":"],
            #"(?i)(\b[A-Za-z_]*(?:password|passwd|pwd|token|secret|api_?key|access_?key|private_?key|client_?secret)[A-Za-z_]*["']?\s*[:=]\s*)(?:"[^"\s]{4,}"|'[^'\s]{4,}'|(?=[^\s"'(),.\[\]{};]*[0-9!@#$%^&*+/=~-])[^\s"'(),.\[\]{};]{6,})"#,
            keep: true),
    ]

    /// Fixed-length credentials with a distinctive prefix, looked for again with whitespace taken out (a
    /// token wrapped across lines). Only fixed lengths: a variable one would run on into the next line's words.
    static let prefixed: [SecretPattern] = [
        SecretPattern("github_token", needles: ["ghp_", "gho_", "ghu_", "ghs_", "ghr_"], #"gh[pousr]_[A-Za-z0-9]{36}"#),
        SecretPattern("npm_token", needles: ["npm_"], #"npm_[A-Za-z0-9]{36}"#),
        SecretPattern("aws_access_key", needles: ["AKIA", "ASIA"], #"(?:AKIA|ASIA)[A-Z0-9]{16}"#),
        SecretPattern("google_api_key", needles: ["AIza"], #"AIza[0-9A-Za-z_-]{35}"#),
    ]
}
