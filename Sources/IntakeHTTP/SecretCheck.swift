import Crypto
import Foundation
import HTTPTypes
import Hummingbird

/// Authentication by shared secrets, compared in constant time.
public enum SecretCheck {
    /// True when `a` and `b` are equal, in time that depends only on their lengths.
    static func equal<A: Collection<UInt8>, B: Collection<UInt8>>(_ a: A, _ b: B) -> Bool {
        guard a.count == b.count else { return false }
        var difference: UInt8 = 0
        for (x, y) in zip(a, b) { difference |= x ^ y }
        return difference == 0
    }

    /// The key a request presents: `x-api-key`, or `Authorization: Bearer KEY`.
    static func presentedKey(_ request: Request) -> String? {
        if let key = request.headers[HTTPField.Name("x-api-key")!] { return key }
        guard let authorization = request.headers[.authorization] else { return nil }
        let parts = authorization.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else { return nil }
        return String(parts[1])
    }

    /// Checks the presented key against every configured key (no early exit on a match) and returns what it
    /// may reach. Entries are `KEY` (every repository) or `KEY:owner/*`, `KEY:owner/name` (those only; a key
    /// listed several times reaches the union).
    @discardableResult
    static func authorize(_ request: Request, keys: [String], purpose: String) throws -> RepositoryScope {
        guard !keys.isEmpty else { throw APIError(.forbidden, "no \(purpose) keys are configured on this server") }
        guard let presented = presentedKey(request) else { throw APIError(.unauthorized, "missing API key (x-api-key or Authorization: Bearer)") }
        var matched = false
        var patterns: [String] = []
        var global = false
        for entry in keys {
            let (key, pattern) = RepositoryScope.split(entry)
            if equal(Array(presented.utf8), Array(key.utf8)) {
                matched = true
                if let pattern { patterns.append(pattern) } else { global = true }
            }
        }
        guard matched else { throw APIError(.unauthorized, "invalid API key") }
        return global ? .all : .only(patterns)
    }

    /// GitHub's `X-Hub-Signature-256`: `sha256=` and the hex HMAC-SHA256 of the raw body.
    public static func webhookSignature(secret: String, body: Data) -> String {
        let mac = HMAC<SHA256>.authenticationCode(for: body, using: SymmetricKey(data: Data(secret.utf8)))
        return "sha256=" + mac.map { String(format: "%02x", $0) }.joined()
    }

    public static func verifyWebhook(secret: String, body: Data, header: String?) -> Bool {
        guard let header else { return false }
        return equal(Array(webhookSignature(secret: secret, body: body).utf8), Array(header.utf8))
    }
}
