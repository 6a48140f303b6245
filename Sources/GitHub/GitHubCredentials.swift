import Foundation

/// How the client authenticates: a token (PAT, installation token) or a GitHub App installation.
public enum GitHubCredentials: Sendable {
    case token(String)
    case app(GitHubAppTokenSource)

    func bearer(_ client: GitHubClient) async throws -> String {
        switch self {
        case .token(let token): token
        case .app(let source): try await source.token(client)
        }
    }
}

/// Installation tokens for a GitHub App, fetched with the App's JWT and reused until near expiry.
public actor GitHubAppTokenSource {
    let jwt: GitHubAppJWT
    let installationID: Int64
    /// A token with less than this left is replaced (GitHub's last for an hour).
    let renewBefore: TimeInterval
    private var cached: (token: String, expires: Date)?
    /// How many installation tokens were minted (reuse is observable in tests and metrics).
    public private(set) var minted = 0

    public init(jwt: GitHubAppJWT, installationID: Int64, renewBefore: TimeInterval = 300) {
        self.jwt = jwt
        self.installationID = installationID
        self.renewBefore = renewBefore
    }

    func token(_ client: GitHubClient) async throws -> String {
        if let cached, cached.expires.timeIntervalSinceNow > renewBefore { return cached.token }
        let (token, expires) = try await client.createInstallationToken(installationID: installationID, jwt: try jwt.token())
        cached = (token, expires)
        minted += 1
        return token
    }
}
