import Emulators
import Foundation
import GitHub
import TestSupport
import Testing
import _CryptoExtras

@Suite struct GitHubAppAuthTests {
    static let key = try! _RSA.Signing.PrivateKey(keySize: .bits2048)

    func decode(_ part: Substring) throws -> [String: Any] {
        var base64 = part.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while base64.count % 4 != 0 { base64 += "=" }
        let data = try #require(Data(base64Encoded: base64))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    @Test func jwt_verifiesWithTheAppsPublicKey_andCarriesGitHubsClaims() throws {
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        let jwt = try GitHubAppJWT(appID: "123456", privateKeyPEM: Self.key.pemRepresentation).token(now: now)
        let parts = jwt.split(separator: ".")
        try #require(parts.count == 3)
        let header = try decode(parts[0])
        #expect(header["alg"] as? String == "RS256" && header["typ"] as? String == "JWT")
        let claims = try decode(parts[1])
        let iat = try #require(claims["iat"] as? Int)
        let exp = try #require(claims["exp"] as? Int)
        #expect(claims["iss"] as? String == "123456")
        #expect(iat <= Int(now.timeIntervalSince1970) && iat >= Int(now.timeIntervalSince1970) - 60)
        #expect(exp > Int(now.timeIntervalSince1970) && exp - iat <= 600)
        var signature = String(parts[2]).replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while signature.count % 4 != 0 { signature += "=" }
        let signatureData = try #require(Data(base64Encoded: signature))
        let valid = Self.key.publicKey.isValidSignature(
            _RSA.Signing.RSASignature(rawRepresentation: signatureData),
            for: Data("\(parts[0]).\(parts[1])".utf8), padding: .insecurePKCS1v1_5)
        #expect(valid)
        let other = try _RSA.Signing.PrivateKey(keySize: .bits2048)
        #expect(
            !other.publicKey.isValidSignature(
                _RSA.Signing.RSASignature(rawRepresentation: try #require(Data(base64Encoded: signature))),
                for: Data("\(parts[0]).\(parts[1])".utf8), padding: .insecurePKCS1v1_5))
    }

    @Test func installationToken_isReusedUntilNearExpiry() async throws {
        let emulator = GitHubEmulator(tokens: [])
        try emulator.registerApp(id: "42", publicKeyPEM: Self.key.publicKey.pemRepresentation)
        let bare = FileManager.default.temporaryDirectory.appendingPathComponent("autofix-app-\(UUID().uuidString)").path
        _ = try await GitFixture.bareRepository(at: bare, files: ["README": "x\n"], scratch: bare + "-scratch")
        emulator.addRepository("octo/app", bare: bare)
        try await emulator.run { api in
            let source = GitHubAppTokenSource(jwt: try GitHubAppJWT(appID: "42", privateKeyPEM: Self.key.pemRepresentation), installationID: 7)
            let client = GitHubClient(baseURL: api, credentials: .app(source))
            let first = try await client.repository("octo/app")
            _ = try await client.repository("octo/app")
            _ = try await client.accessToken()
            #expect(first.defaultBranch == "main")
            #expect(await source.minted == 1)
            #expect(emulator.installationTokensMinted == 1)
            // A token with less left than the renewal margin is replaced.
            let eager = GitHubAppTokenSource(
                jwt: try GitHubAppJWT(appID: "42", privateKeyPEM: Self.key.pemRepresentation), installationID: 7, renewBefore: 7200)
            let eagerClient = GitHubClient(baseURL: api, credentials: .app(eager))
            _ = try await eagerClient.repository("octo/app")
            _ = try await eagerClient.repository("octo/app")
            #expect(await eager.minted == 2)
        }
    }

    @Test func installationToken_withAnotherAppsKey_isRefused() async throws {
        let emulator = GitHubEmulator(tokens: [])
        try emulator.registerApp(id: "42", publicKeyPEM: Self.key.publicKey.pemRepresentation)
        let stranger = try _RSA.Signing.PrivateKey(keySize: .bits2048)
        try await emulator.run { api in
            let source = GitHubAppTokenSource(jwt: try GitHubAppJWT(appID: "42", privateKeyPEM: stranger.pemRepresentation), installationID: 7)
            await #expect(throws: GitHubError.self) { try await GitHubClient(baseURL: api, credentials: .app(source)).accessToken() }
        }
    }

    @Test func appWithoutAConfiguredInstallation_usesEachRepositorysOwn() async throws {
        let emulator = GitHubEmulator(tokens: [])
        try emulator.registerApp(id: "42", publicKeyPEM: Self.key.publicKey.pemRepresentation)
        for (repo, installation) in [("octo/app", Int64(7)), ("acme/lib", Int64(9))] {
            let bare = FileManager.default.temporaryDirectory.appendingPathComponent("autofix-inst-\(UUID().uuidString)").path
            _ = try await GitFixture.bareRepository(at: bare, files: ["README": "x\n"], scratch: bare + "-scratch")
            emulator.addRepository(repo, bare: bare)
            emulator.install(repo, installation: installation)
        }
        try await emulator.run { api in
            let source = GitHubAppTokenSource(jwt: try GitHubAppJWT(appID: "42", privateKeyPEM: Self.key.pemRepresentation), installationID: nil)
            var octo = GitHubClient(baseURL: api, credentials: .app(source))
            octo.installationScope = "octo/app"
            var acme = octo
            acme.installationScope = "acme/lib"
            #expect(try await octo.repository("octo/app").fullName == "octo/app")
            #expect(try await acme.repository("acme/lib").fullName == "acme/lib")
            #expect(await source.minted == 2)
            // One installation's token does not reach the other's repositories, as on github.com.
            let octoToken = try await octo.accessToken()
            await #expect(throws: GitHubError.self) {
                _ = try await GitHubClient(baseURL: api, credentials: .token(octoToken)).repository("acme/lib")
            }
        }
    }
}
