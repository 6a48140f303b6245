import Foundation
import LogAnalysis

/// The safety rails every patch passes before it touches a worktree.
public struct PatchRails: Sendable {
    public var maxChangedLines: Int

    public init(maxChangedLines: Int = 100) {
        self.maxChangedLines = maxChangedLines
    }

    public func check(_ diff: UnifiedDiff) throws {
        guard diff.changedLines <= maxChangedLines else {
            throw PatchError.refused(rule: "size", detail: "\(diff.changedLines) changed lines; at most \(maxChangedLines)")
        }
        for file in diff.files {
            for path in [file.oldPath, file.newPath].compactMap({ $0 }) { try checkPath(path) }
            try checkTests(file)
            let added = file.hunks.flatMap(\.added).joined(separator: "\n")
            if SecretRedactor().containsSecret(added) {
                throw PatchError.refused(rule: "secret", detail: "the patch adds a credential-like value to \(file.path)")
            }
        }
    }

    func checkPath(_ path: String) throws {
        let parts = path.split(separator: "/").map(String.init)
        if path.hasPrefix("/") || path.hasPrefix("~") || parts.contains("..") || parts.isEmpty {
            throw PatchError.refused(rule: "path", detail: "\(path) is outside the repository")
        }
        if parts.contains(".git") { throw PatchError.refused(rule: "path", detail: "\(path) is inside .git") }
        let lower = path.lowercased()
        if lower.hasPrefix(".github/workflows/") || lower.hasPrefix(".github/actions/") {
            throw PatchError.refused(rule: "workflow", detail: "\(path): workflow files are never changed")
        }
        let ciFiles = [".gitlab-ci.yml", ".travis.yml", "azure-pipelines.yml", "jenkinsfile", "appveyor.yml", "bitbucket-pipelines.yml", ".drone.yml", "cloudbuild.yaml", "codecov.yml", ".pre-commit-config.yaml"]
        let ciDirectories = [".circleci/", ".buildkite/", ".gitlab/", ".azure-pipelines/", ".teamcity/"]
        if ciFiles.contains(lower) || ciDirectories.contains(where: lower.hasPrefix) {
            throw PatchError.refused(rule: "ci_config", detail: "\(path): CI configuration is never changed")
        }
        let name = parts.last!.lowercased()
        let secretNames = [".env", ".npmrc", ".pypirc", ".netrc", "id_rsa", "id_ed25519", "id_ecdsa", "credentials", "credentials.json", "secrets.yml", "secrets.yaml", "secrets.json", ".htpasswd"]
        let secretExtensions = [".pem", ".key", ".p12", ".pfx", ".jks", ".keystore", ".gpg", ".asc", ".kdbx"]
        if secretNames.contains(name) || name.hasPrefix(".env.") || secretExtensions.contains(where: name.hasSuffix) {
            throw PatchError.refused(rule: "secret_file", detail: "\(path) is a secret-like file")
        }
    }

    func checkTests(_ file: UnifiedDiff.FilePatch) throws {
        guard TestFiles.isTestPath(file.path) else { return }
        if file.isDeletion { throw PatchError.refused(rule: "tests", detail: "\(file.path): deletes a test file") }
        let added = file.hunks.flatMap(\.added)
        let removed = file.hunks.flatMap(\.removed)
        if let skip = added.first(where: TestFiles.isSkip) {
            throw PatchError.refused(rule: "tests", detail: "\(file.path): skips a test (\(skip.trimmingCharacters(in: .whitespaces)))")
        }
        if removed.filter(TestFiles.isTestDefinition).count > added.filter(TestFiles.isTestDefinition).count {
            throw PatchError.refused(rule: "tests", detail: "\(file.path): removes a test")
        }
        if removed.filter(TestFiles.isAssertion).count > added.filter(TestFiles.isAssertion).count {
            throw PatchError.refused(rule: "tests", detail: "\(file.path): removes an assertion")
        }
        if let vacuous = added.first(where: TestFiles.isVacuousAssertion) {
            throw PatchError.refused(rule: "tests", detail: "\(file.path): weakens an assertion (\(vacuous.trimmingCharacters(in: .whitespaces)))")
        }
    }
}
