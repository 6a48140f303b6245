import Foundation
import LogAnalysis

/// The safety rails every patch passes before it is applied anywhere, and again on git's own view of
/// the staged change before it is published. A refusal ends the job: no correction round argues with it.
public struct PatchRails: Sendable {
    public var maxChangedLines: Int
    public var protected: ProtectedPaths
    public var redactor: SecretRedactor

    public init(maxChangedLines: Int = 100, protected: ProtectedPaths = .standard, redactor: SecretRedactor = SecretRedactor()) {
        self.maxChangedLines = maxChangedLines
        self.protected = protected
        self.redactor = redactor
    }

    /// The model's diff as parsed: size, paths, tests, credentials.
    public func check(_ diff: UnifiedDiff) throws {
        guard diff.changedLines <= maxChangedLines else {
            throw PatchError.refused(rule: "size", detail: "\(diff.changedLines) changed lines; at most \(maxChangedLines)")
        }
        for file in diff.files {
            for path in [file.oldPath, file.newPath].compactMap({ $0 }) { try checkPath(path) }
            try TestWeakening.checkStrings(file)
            let added = file.hunks.flatMap(\.added).joined(separator: "\n")
            if redactor.containsSecret(added) {
                throw PatchError.refused(rule: "secret", detail: "the patch adds a credential-like value to \(file.path)")
            }
        }
    }

    /// git's account of a staged change (`diff --cached --raw`): only the validated files, only regular
    /// files keeping their mode, every path allowed.
    public func check(staged: [ChangedFile], validatedFiles: Set<String>) throws {
        let paths = Set(staged.map(\.path))
        guard paths == validatedFiles else {
            throw PatchError.refused(rule: "publish", detail: "git stages \(paths.sorted()) but the validated patch changes \(validatedFiles.sorted())")
        }
        for change in staged {
            try checkPath(change.path)
            guard ["A", "M", "D"].contains(change.status) else {
                throw PatchError.refused(rule: "mode", detail: "\(change.path): change of kind \(change.status)")
            }
            let regular = ["100644", "100755"]
            let modesAllowed =
                switch change.status {
                case "A": change.newMode == "100644"
                case "D": regular.contains(change.oldMode)
                default: regular.contains(change.oldMode) && change.oldMode == change.newMode
                }
            guard modesAllowed else {
                throw PatchError.refused(
                    rule: "mode", detail: "\(change.path): mode \(change.oldMode) → \(change.newMode) (symlinks, submodules and mode changes are refused)")
            }
        }
    }

    func checkPath(_ path: String) throws {
        try RepoPath.check(path)
        if let pattern = protected.match(path) {
            throw PatchError.refused(rule: pattern.rule, detail: "\(path) is protected (\(pattern.glob)): never changed by ci-autofix")
        }
    }
}

/// One file of a staged change as git reports it.
public struct ChangedFile: Sendable, Hashable {
    public var status: String
    public var oldMode: String
    public var newMode: String
    public var path: String

    public init(status: String, oldMode: String, newMode: String, path: String) {
        self.status = status
        self.oldMode = oldMode
        self.newMode = newMode
        self.path = path
    }
}
