import LogAnalysis
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
        #expect(redactor.redact("git clone https://bot:s3cr3tPass@git.example.com/r.git") == "git clone https://[REDACTED:url_credentials]git.example.com/r.git")
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
