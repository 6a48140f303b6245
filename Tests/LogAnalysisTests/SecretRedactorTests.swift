import Foundation
import LogAnalysis
import TestSupport
import Testing

@Suite struct SecretRedactorTests {
    let redactor = SecretRedactor()

    @Test(arguments: [
        SecretFixtures.githubToken,
        "gho_16C7e42F292c6912E7710c838347Ae178B4a",
        "ghs_" + "abcdefghijklmnopqrstuvwxyz0123456789",
        "github_pat_11ABCDEFG0abcdefghijkl_mnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789ab",
        "AKIAIOSFODNN7EXAMPLE",
        "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U",
        "xoxb-2400000000-2400000000000-AbCdEfGhIjKlMnOpQrStUvWx",
        "sk_live_4eC39HqLyjWDarjtT1zdp7dc",
        "AIzaSyA1234567890abcdefghijklmnopqrstuv",
    ])
    func redact_realTokenFormats_removesThem(secret: String) {
        let text = "step 3: using \(secret) for the upload"
        let redacted = redactor.redact(text)
        #expect(!redacted.contains(secret), "\(redacted)")
        #expect(redacted.hasPrefix("step 3: using [REDACTED:"))
    }

    @Test func redact_privateKeyBlock_removesTheWholeBlock() {
        let redacted = redactor.redact("before\n\(SecretFixtures.privateKey)\nafter")
        #expect(redacted == "before\n[REDACTED:private_key]\nafter")
    }

    @Test func redact_urlCredentialsAndAssignments_keepTheirNames() {
        #expect(
            redactor.redact("git clone https://bot:s3cr3tPass@git.example.com/r.git") == "git clone https://[REDACTED:url_credentials]git.example.com/r.git")
        #expect(redactor.redact("DB_PASSWORD=hunter2!x") == "DB_PASSWORD=[REDACTED:assignment]")
        #expect(redactor.redact(#"api_key: "abcd1234efgh""#) == #"api_key: [REDACTED:assignment]"#)
    }

    @Test(arguments: [
        "token = tokenizer.next()",
        "password = getpass.getpass()",
        "def check_secret(secret):",
        "if token is None: return",
        "assert add(2, 3) == 5",
        "let url = URL(string: \"https://api.github.com/repos\")",
        "    return a - b",
        "secret_key = settings.SECRET_KEY",
    ])
    func redact_ordinaryCode_isUntouched(line: String) {
        #expect(redactor.redact(line) == line)
    }
}

/// The worker's own secrets, in the disguises test output and logs have used to carry them out.
@Suite struct KnownSecretRedactionTests {
    static let secret = "s3cr3t-Operator-Key/0123456789+abc"
    let redactor = SecretRedactor(knownSecrets: [secret])

    static var disguises: [String] {
        let bytes = Array(secret.utf8)
        var forms = (0..<3).map { shift in Data(Array("xyz".utf8.prefix(shift)) + bytes + Array("!".utf8)).base64EncodedString() }
        forms.append(secret.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)
        forms.append(secret.replacingOccurrences(of: "/", with: "\\/"))
        forms.append(secret.unicodeScalars.map { String(format: "\\u%04x", $0.value) }.joined())
        forms.append(String(secret.prefix(9)) + "\u{200B}" + String(secret.dropFirst(9)))
        forms.append(String(secret.prefix(12)) + "\n" + String(secret.dropFirst(12)))
        forms.append(bytes.map { String(format: "%02x", $0) }.joined())
        return forms
    }

    @Test(arguments: disguises)
    func redact_knownSecretInAnyEncoding_isRemoved(disguised: String) {
        let redacted = redactor.redact("output: \(disguised) end")
        #expect(redacted.contains("[REDACTED"), "\(redacted)")
        #expect(!redacted.contains(Self.secret))
    }

    @Test(arguments: [
        "sk-proj-" + "abcdefghijklmnopqrstuvwxyz012345", "sk-ant-" + "api03-abcdefghijklmnopqrstuvwxyz0123", "npm_" + "abcdefghijklmnopqrstuvwxyz0123456789",
        "pypi-AgEIcHlwaS5vcmc" + String(repeating: "x", count: 60), "glpat-" + "abcdefghijklmnopqrst", "hf_" + "abcdefghijklmnopqrstuvwxyzABCDEF",
        "DefaultEndpointsProtocol=https;AccountName=x;AccountKey=" + String(repeating: "Q", count: 40) + "==",
        #"{"auths":{"r.io":{"auth":"dXNlcjpwYXNzd29yZA=="}}}"#,
    ])
    func redact_moreTokenFormats_areRemoved(secret: String) {
        #expect(SecretRedactor().redact("value \(secret) end").contains("[REDACTED"))
    }

    @Test func redact_githubTokenWrappedAcrossLines_isRemoved() {
        let token = SecretFixtures.githubToken
        let wrapped = "output \(token.prefix(20))\n\(token.dropFirst(20))\nnext line"
        let redacted = SecretRedactor().redact(wrapped)
        #expect(!redacted.contains(String(token.dropFirst(20))), "\(redacted)")
        #expect(redacted.hasSuffix("next line"))
    }
}
