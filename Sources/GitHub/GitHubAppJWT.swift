import Foundation
import _CryptoExtras

/// The RS256 JSON Web Token a GitHub App signs with its private key to ask for installation tokens.
public struct GitHubAppJWT: Sendable {
    public let appID: String
    let key: _RSA.Signing.PrivateKey

    public init(appID: String, privateKeyPEM: String) throws {
        self.appID = appID
        do {
            key = try _RSA.Signing.PrivateKey(pemRepresentation: privateKeyPEM)
        } catch {
            throw GitHubError.configuration("the GitHub App private key is not a readable RSA PEM key")
        }
    }

    /// `iat` 60 s in the past (clock drift) and `exp` 9 minutes ahead: GitHub refuses more than 10.
    public func token(now: Date = Date()) throws -> String {
        let issued = Int(now.timeIntervalSince1970) - 60
        let header = #"{"alg":"RS256","typ":"JWT"}"#
        let claims = #"{"iat":\#(issued),"exp":\#(issued + 600 - 60),"iss":"\#(appID)"}"#
        let signingInput = Self.base64URL(Data(header.utf8)) + "." + Self.base64URL(Data(claims.utf8))
        let signature = try key.signature(for: Data(signingInput.utf8), padding: .insecurePKCS1v1_5)
        return signingInput + "." + Self.base64URL(signature.rawRepresentation)
    }

    public static func base64URL(_ data: Data) -> String {
        data.base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }
}
