import GitHub

/// The line at the end of the latest evidence comment that says what became of the fix's CI. It is
/// replaced, never stacked: the comment shows the current state once.
struct EvidenceStatus {
    static let evidenceMarker = "<!-- ci-autofix:evidence run="
    static let statusMarker = "<!-- ci-autofix:status -->"

    let github: GitHubClient
    let repo: String
    let pullNumber: Int
    /// Only the bot's own comments are its evidence (anyone can post a comment that carries the marker).
    let botLogin: String

    /// Sets the status of the newest evidence comment, or posts the status alone when there is none.
    func set(_ text: String) async throws {
        let comments = try await github.comments(repo: repo, number: pullNumber).filter { $0.user?.login == botLogin }
        let status = "\(Self.statusMarker)\n\(text)"
        guard let evidence = comments.last(where: { $0.body.contains(Self.evidenceMarker) }) else {
            if comments.contains(where: { $0.body.hasSuffix(status) }) { return }
            try await github.createComment(repo: repo, number: pullNumber, body: status)
            return
        }
        let body = Self.replacingStatus(in: evidence.body, with: text)
        guard body != evidence.body else { return }
        try await github.updateComment(repo: repo, id: evidence.id, body: body)
    }

    /// The comment's text before any earlier status, then the new one.
    static func replacingStatus(in body: String, with text: String) -> String {
        let kept = body.components(separatedBy: statusMarker).first ?? body
        var trimmed = Substring(kept)
        while trimmed.last?.isWhitespace == true { trimmed = trimmed.dropLast() }
        return "\(trimmed)\n\n\(statusMarker)\n\(text)"
    }
}
