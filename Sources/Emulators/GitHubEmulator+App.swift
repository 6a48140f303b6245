import Foundation
import HTTPTypes
import Hummingbird
import _CryptoExtras

extension GitHubEmulator {
    /// `POST /app/installations/{id}/access_tokens`: verifies the RS256 JWT and its claims as GitHub does.
    func installationToken(_ request: Request, _ context: BasicRequestContext) -> Response {
        let authorization = request.headers[.authorization] ?? ""
        guard authorization.hasPrefix("Bearer "), let app = state.withLock({ $0.app }) else {
            return Reply.json(.unauthorized, ["message": "A JSON web token could not be decoded"])
        }
        let jwt = String(authorization.dropFirst(7))
        if let problem = Self.verify(jwt: jwt, appID: app.id, key: app.key) {
            return Reply.json(.unauthorized, ["message": problem])
        }
        let token = "ghs_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(32) + "emul"
        let expires = ISO8601DateFormatter().string(from: Date().addingTimeInterval(3600))
        let installation = context.parameters.get("id").flatMap(Int64.init) ?? 0
        state.withLock {
            $0.tokens.insert(token)
            $0.tokenInstallation[token] = installation
            $0.installationTokens += 1
        }
        return Reply.json(
            .created, ["token": token, "expires_at": expires, "permissions": ["contents": "write", "pull_requests": "write", "actions": "read"]])
    }

    /// `GET /repos/{owner}/{repo}/installation` with the App's JWT (docs.github.com/rest/apps/apps#get-a-repository-installation-for-the-authenticated-app).
    func repositoryInstallation(_ request: Request, _ context: BasicRequestContext) -> Response {
        let authorization = request.headers[.authorization] ?? ""
        guard authorization.hasPrefix("Bearer "), let app = state.withLock({ $0.app }) else {
            return Reply.json(.unauthorized, ["message": "A JSON web token could not be decoded"])
        }
        if let problem = Self.verify(jwt: String(authorization.dropFirst(7)), appID: app.id, key: app.key) {
            return Reply.json(.unauthorized, ["message": problem])
        }
        let repo = repoName(context)
        guard let id = state.withLock({ $0.installations[repo] }) else { return Self.notFound() }
        let owner = repo.split(separator: "/").first.map(String.init) ?? ""
        return Reply.json(
            .ok,
            [
                "id": id, "app_id": Int(app.id) ?? 0, "app_slug": "ci-autofix", "target_id": GitHubShapes.id(owner), "target_type": "Organization",
                "single_file_name": NSNull(), "repository_selection": "selected", "account": GitHubShapes.simpleUser(owner, type: "Organization"),
                "access_tokens_url": "\(GitHubShapes.api)/app/installations/\(id)/access_tokens",
                "html_url": "https://github.com/organizations/\(owner)/settings/installations/\(id)",
                "repositories_url": "\(GitHubShapes.api)/installation/repositories", "events": ["workflow_run", "pull_request"],
                "permissions": ["contents": "write", "pull_requests": "write", "issues": "write", "actions": "read", "metadata": "read"],
                "created_at": GitHubShapes.created, "updated_at": GitHubShapes.created, "suspended_by": NSNull(), "suspended_at": NSNull(),
            ])
    }

    /// nil when valid; else GitHub's kind of message.
    static func verify(jwt: String, appID: String, key: _RSA.Signing.PublicKey, now: Date = Date()) -> String? {
        let parts = jwt.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 3, let headerData = base64URLDecode(parts[0]), let claimsData = base64URLDecode(parts[1]),
            let signature = base64URLDecode(parts[2]),
            let header = (try? JSONSerialization.jsonObject(with: headerData)) as? [String: Any],
            let claims = (try? JSONSerialization.jsonObject(with: claimsData)) as? [String: Any]
        else {
            return "A JSON web token could not be decoded"
        }
        guard header["alg"] as? String == "RS256" else { return "'alg' must be RS256" }
        guard
            key.isValidSignature(
                _RSA.Signing.RSASignature(rawRepresentation: signature), for: Data("\(parts[0]).\(parts[1])".utf8), padding: .insecurePKCS1v1_5)
        else {
            return "A JSON web token could not be decoded"
        }
        let iss = (claims["iss"] as? String) ?? (claims["iss"] as? Int).map(String.init)
        guard iss == appID else { return "'Issuer' claim ('iss') must be an Integer or the App's client ID" }
        guard let iat = claims["iat"] as? Double ?? (claims["iat"] as? Int).map(Double.init),
            let exp = claims["exp"] as? Double ?? (claims["exp"] as? Int).map(Double.init)
        else {
            return "Missing 'iat' or 'exp' claim"
        }
        let current = now.timeIntervalSince1970
        guard iat <= current + 60 else { return "'Issued at' claim ('iat') must be an Integer representing a time in the past" }
        guard exp > current, exp - iat <= 600 else { return "'Expiration time' claim ('exp') is too far in the future" }
        return nil
    }

    static func base64URLDecode(_ text: String) -> Data? {
        var base64 = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while base64.count % 4 != 0 { base64 += "=" }
        return Data(base64Encoded: base64)
    }
}
