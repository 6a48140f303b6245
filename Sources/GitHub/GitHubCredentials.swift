import Foundation

/// How the client authenticates: a token (PAT, installation token) or a GitHub App installation.
public enum GitHubCredentials: Sendable {
    case token(String)
    case app(GitHubAppTokenSource)

    func bearer(_ client: GitHubClient) async throws -> String {
        switch self {
        case .token(let token): token
        case .app(let source): try await source.token(client, repository: client.installationScope)
        }
    }
}

/// Installation tokens for a GitHub App, fetched with the App's JWT and reused until near expiry.
/// One App may be installed on several accounts: without a configured installation, each repository's
/// is looked up (`GET /repos/{owner}/{repo}/installation`) and its tokens kept apart.
public actor GitHubAppTokenSource {
    let jwt: GitHubAppJWT
    /// nil: looked up per repository.
    let installationID: Int64?
    /// A token with less than this left is replaced (GitHub's last for an hour).
    let renewBefore: TimeInterval
    private var cached: [Int64: (token: String, expires: Date)] = [:]
    private var installations: [String: Int64] = [:]
    /// How many installation tokens were minted (reuse is observable in tests and metrics).
    public private(set) var minted = 0

    public init(jwt: GitHubAppJWT, installationID: Int64?, renewBefore: TimeInterval = 300) {
        self.jwt = jwt
        self.installationID = installationID
        self.renewBefore = renewBefore
    }

    func token(_ client: GitHubClient, repository: String?) async throws -> String {
        let installation = try await installation(client, repository: repository)
        if let cached = cached[installation], cached.expires.timeIntervalSinceNow > renewBefore { return cached.token }
        let (token, expires) = try await client.createInstallationToken(installationID: installation, jwt: try jwt.token())
        cached[installation] = (token, expires)
        minted += 1
        return token
    }

    func installation(_ client: GitHubClient, repository: String?) async throws -> Int64 {
        if let installationID { return installationID }
        guard let repository else {
            throw GitHubError.configuration("github.installation_id is not set and the request names no repository to find the App's installation for")
        }
        if let known = installations[repository.lowercased()] { return known }
        let found = try await client.installationID(repo: repository, jwt: try jwt.token())
        installations[repository.lowercased()] = found
        return found
    }
}
