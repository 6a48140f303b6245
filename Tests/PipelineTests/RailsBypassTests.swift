import Patching
import Testing

/// Every way a hostile reply has tried to get past the rails, each refused, beside controls that pass.
@Suite struct RailsBypassTests {
    /// A reply whose diff changes `path` (one added line), as a model would write it.
    static func reply(_ path: String, added: String = "x = 1", lineEnd: String = "\n") -> String {
        ["Fix.", "", "```diff", "--- a/\(path)", "+++ b/\(path)", "@@ -1,1 +1,2 @@", " import os", "+\(added)", "```", ""].joined(separator: lineEnd)
    }

    /// The rule that refuses `reply`, nil when it passes the rails.
    static func refusal(_ reply: String) -> String? {
        do {
            try PatchRails().check(try DiffParser.parse(reply: reply))
            return nil
        } catch let PatchError.refused(rule, _) {
            return rule
        } catch {
            return "error: \(error)"
        }
    }

    @Test(arguments: [
        (".github//workflows/ci.yml", "path"), (".github/./workflows/ci.yml", "path"), ("src/../.github/workflows/ci.yml", "path"),
        ("app.py ", "path"), ("app.py\u{1B}[0m", "path"), ("bad\u{FFFD}name.py", "path"), (".github\u{200B}/workflows/ci.yml", "path"),
        ("\"a/.github/workflows/ci.yml\"", "path"), ("/etc/passwd", "path"), ("../outside.py", "path"), (".git/config", "path"),
        (".GIT/hooks/pre-commit", "path"), ("lib\\..\\.github\\workflows\\x.yml", "path"), ("~/.bashrc", "path"),
        (".GitHub/Workflows/ci.yml", "workflow"), ("tools/deploy/action.yml", "workflow"), ("action.yaml", "workflow"),
        (".github/dependabot.yml", "workflow"), (".github/CODEOWNERS", "workflow"),
        ("Jenkinsfile", "ci_config"), ("ci/Jenkinsfile", "ci_config"), (".gitlab-ci.yml", "ci_config"), ("sub/.circleci/config.yml", "ci_config"),
        ("azure-pipelines.yml", "ci_config"), (".travis.yml", "ci_config"), (".buildkite/pipeline.yml", "ci_config"), (".drone.yml", "ci_config"),
        (".pre-commit-config.yaml", "ci_config"),
        (".gitattributes", "repo_config"), ("lib/.gitattributes", "repo_config"), (".gitmodules", "repo_config"), ("docs/CODEOWNERS", "repo_config"),
        ("renovate.json", "repo_config"),
        ("pytest.ini", "test_config"), ("tox.ini", "test_config"), ("setup.cfg", "test_config"), ("pyproject.toml", "test_config"),
        ("conftest.py", "test_config"), ("tests/conftest.py", "test_config"), ("jest.config.js", "test_config"), ("vitest.config.ts", "test_config"),
        (".mocharc.yml", "test_config"), ("phpunit.xml.dist", "test_config"), (".rspec", "test_config"),
        (".env", "secret_file"), (".env.production", "secret_file"), ("deploy/key.pem", "secret_file"), (".npmrc", "secret_file"),
    ])
    func protectedOrMisspelledPath_isRefused(path: String, rule: String) {
        #expect(Self.refusal(Self.reply(path)) == rule, "\(path)")
    }

    @Test func diffWithCRLFLineEnds_isReadAsGitReadsIt_andRefused() {
        // git splits on "\n" only: the "\r" is part of the path it would write, so the path is refused.
        #expect(Self.refusal(Self.reply("app/calc.py", lineEnd: "\r\n")) == "path")
    }

    @Test func crlfHeaderHidingASecondPath_isRefused() {
        let reply = "```diff\n--- a/app.py\r\n+++ b/.github/workflows/evil.yml\n@@ -1,1 +1,2 @@\n import os\n+x = 1\n```\n"
        #expect(Self.refusal(reply) != nil)
    }

    @Test(arguments: [
        "old mode 100644\nnew mode 100755", "new file mode 120000", "new file mode 160000", "deleted file mode 120000",
        "rename from app.py\nrename to .github/workflows/x.yml", "copy from app.py\ncopy to x.py", "GIT binary patch", "Binary files a/x and b/x differ",
    ])
    func headersThatChangeAFilesKindOrName_areRefused(header: String) {
        let reply = "```diff\ndiff --git a/app.py b/app.py\n\(header)\n--- a/app.py\n+++ b/app.py\n@@ -1,1 +1,2 @@\n import os\n+x = 1\n```\n"
        #expect(Self.refusal(reply) == "mode")
    }

    @Test(arguments: [
        ("tests/test_calc.py", "@unittest.expectedFailure"), ("tests/test_calc.py", "    raise SkipTest('later')"),
        ("tests/test_calc.py", "    raise unittest.SkipTest('later')"), ("tests/test_calc.py", "    return"),
        ("tests/test_calc.py", "    assert total == total"), ("tests/test_calc.py", "    self.assertEqual(result, result)"),
        ("tests/test_calc.py", "def load_tests(loader, tests, pattern):"), ("tests/test_calc.py", "pytestmark = pytest.mark.skip"),
        ("calc/tests.py", "@skip('flaky')"), ("calc/tests.py", "    self.skipTest('flaky')"), ("app/helpers.py", "    pytest.skip('env')"),
        ("src/calc.test.js", "it.skip('adds', () => {"), ("src/calc.test.js", "xit('adds', () => {"), ("src/calc.test.js", "describe.skip('calc', () => {"),
        ("calc_test.go", "\tt.Skip(\"later\")"), ("src/lib.rs", "#[ignore]"), ("Tests/CalcTests.swift", "        throw XCTSkip(\"later\")"),
        ("src/test/java/CalcTest.java", "    @Disabled"), ("src/test/java/CalcTest.java", "    @Ignore"),
        ("spec/calc_spec.rb", "    skip \"later\""), ("spec/calc_spec.rb", "    pending \"later\""),
        ("tests/test_calc.py", "    assert True"), ("src/calc.test.js", "    expect(sum).toBe(sum)"),
    ])
    func testWeakeningInAnyForm_isRefused(path: String, added: String) {
        #expect(Self.refusal(Self.reply(path, added: added)) == "tests", "\(path): \(added)")
    }

    @Test(arguments: [
        ("app/calc.py", "    return a + b  # the sum"), ("src/lib.rs", "    let rest = values.iter().skip(1);"), ("README.md", "More docs."),
        ("app/github_client.py", "API = 'https://api.github.com'"), ("docs/actions.md", "How actions work."),
        ("tests/test_calc.py", "    assert add(2, 3) == 5"),
        ("app/config_reader.py", "    return settings"), (".github_notes.txt", "notes"),
    ])
    func ordinaryFixes_passTheRails(path: String, added: String) {
        #expect(Self.refusal(Self.reply(path, added: added)) == nil, "\(path): \(added)")
    }

    @Test func gitsViewOfTheStagedChange_mustBeTheValidatedRegularFiles() {
        let rails = PatchRails()
        let file = ChangedFile(status: "M", oldMode: "100644", newMode: "100644", path: "app/calc.py")
        #expect(throws: Never.self) { try rails.check(staged: [file], validatedFiles: ["app/calc.py"]) }
        let cases: [[ChangedFile]] = [
            [file, ChangedFile(status: "M", oldMode: "100644", newMode: "100644", path: ".github/workflows/ci.yml")],
            [ChangedFile(status: "M", oldMode: "100644", newMode: "100755", path: "app/calc.py")],
            [ChangedFile(status: "A", oldMode: "000000", newMode: "120000", path: "app/calc.py")],
            [ChangedFile(status: "A", oldMode: "000000", newMode: "160000", path: "app/calc.py")],
            [ChangedFile(status: "T", oldMode: "100644", newMode: "120000", path: "app/calc.py")],
            [],
        ]
        for staged in cases {
            #expect(throws: PatchError.self, "\(staged)") { try rails.check(staged: staged, validatedFiles: ["app/calc.py"]) }
        }
    }

    @Test func unclosedDiffFence_isAReplyCutOff_andRefused() {
        let cut = "Fix.\n\n```diff\n--- a/app.py\n+++ b/app.py\n@@ -1,3 +1,2 @@\n def f():\n-    return 1\n"
        #expect(throws: PatchError.self) { try DiffParser.parse(reply: cut) }
    }

    @Test func protectedPaths_perRepository_replaceTheStandardList() {
        let custom = ProtectedPaths(configured: ["infra/**", "secret_file:**/*.secret"])
        #expect(custom.match("infra/main.tf")?.rule == "protected")
        #expect(custom.match("a/b.secret")?.rule == "secret_file")
        #expect(custom.match("app/calc.py") == nil)
    }
}
