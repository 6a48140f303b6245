import Patching
import TestSupport
import Testing

@Suite struct PatchRailsTests {
    func diff(_ path: String, removed: [String] = [], added: [String]) -> UnifiedDiff {
        let lines = removed.map { UnifiedDiff.Hunk.Line.removed($0) } + added.map { .added($0) }
        return UnifiedDiff(files: [.init(oldPath: path, newPath: path, hunks: [.init(oldStart: 1, lines: lines)])])
    }

    func refusal(_ diff: UnifiedDiff) -> String? {
        do {
            try PatchRails().check(diff)
            return nil
        } catch let PatchError.refused(rule, _) {
            return rule
        } catch {
            return "other"
        }
    }

    @Test(arguments: [
        (".github/workflows/ci.yml", "workflow"), (".gitlab-ci.yml", "ci_config"), (".circleci/config.yml", "ci_config"),
        ("../outside.py", "path"), ("/etc/passwd", "path"), (".env", "secret_file"), ("deploy/key.pem", "secret_file"),
        (".git/config", "path"),
    ])
    func check_forbiddenPaths_areRefused(path: String, rule: String) {
        #expect(refusal(diff(path, added: ["x = 1"])) == rule)
    }

    @Test func check_overOneHundredChangedLines_isRefused() {
        #expect(refusal(diff("app/big.py", added: (0..<101).map { "x\($0) = \($0)" })) == "size")
        #expect(refusal(diff("app/big.py", added: (0..<100).map { "x\($0) = \($0)" })) == nil)
    }

    @Test(arguments: [
        (["    assert add(2, 3) == 5"], ["    pass"]),
        (["def test_add():"], []),
        ([], ["@pytest.mark.skip(reason='flaky')"]),
        (["    assert add(2, 3) == 5"], ["    assert True"]),
        ([], ["it.skip('adds', () => {"]),
    ])
    func check_testsDeletedSkippedOrWeakened_areRefused(removed: [String], added: [String]) {
        #expect(refusal(diff("tests/test_calc.py", removed: removed, added: added)) == "tests")
    }

    @Test func check_fixInSourceWithCommentAndTestUpdate_passes() {
        #expect(refusal(diff("app/calc.py", removed: ["    return a - b"], added: ["    # sum, not difference", "    return a + b"])) == nil)
        #expect(refusal(diff("tests/test_calc.py", removed: ["    assert add(2, 2) == 5"], added: ["    assert add(2, 2) == 4"])) == nil)
    }

    @Test func check_patchAddingACredential_isRefused() {
        #expect(refusal(diff("app/settings.py", added: ["TOKEN = \"\(SecretFixtures.githubToken)\""])) == "secret")
    }
}
