import Foundation

/// Raw enqueue fields as a CLI or HTTP caller gives them, before validation.
public struct EnqueueRequest: Sendable, Hashable {
    public var repo: String?
    public var runID: String?
    public var runAttempt: String?
    public var workflow: String?
    public var headSHA: String?
    public var branch: String?
    public var runURL: String?
    public var priority: String?

    public init(
        repo: String? = nil, runID: String? = nil, runAttempt: String? = nil, workflow: String? = nil,
        headSHA: String? = nil, branch: String? = nil, runURL: String? = nil, priority: String? = nil
    ) {
        self.repo = repo
        self.runID = runID
        self.runAttempt = runAttempt
        self.workflow = workflow
        self.headSHA = headSHA
        self.branch = branch
        self.runURL = runURL
        self.priority = priority
    }

    /// Checks every field; the first problem found is the error.
    public func validated() throws -> (failure: CIFailure, priority: Int) {
        guard let repo = repo.map(Self.trimmed), !repo.isEmpty else { throw IntakeError.missingField("repo") }
        try Self.checkRepository(repo)
        guard let runIDText = runID.map(Self.trimmed), !runIDText.isEmpty else {
            throw IntakeError.missingField("run id")
        }
        guard let runID = UInt64(runIDText), runID > 0 else {
            throw IntakeError.invalidField("run id", "\"\(runIDText)\" is not a positive integer")
        }
        var attempt = 1
        if let text = runAttempt {
            guard let value = Int(text), (1...1000).contains(value) else {
                throw IntakeError.invalidField("run attempt", "\"\(text)\" is not an integer from 1 to 1000")
            }
            attempt = value
        }
        let priority = try validatedPriority()
        if let sha = headSHA {
            let hex = sha.allSatisfy { $0.isHexDigit && $0.isASCII }
            guard hex, sha.count == 40 || sha.count == 64 else {
                throw IntakeError.invalidField("head sha", "expected 40 or 64 hexadecimal characters")
            }
        }
        if let branch { try Self.checkBranch(branch) }
        if let workflow { try Self.checkText(workflow, field: "workflow", maxLength: 200) }
        if let url = runURL {
            guard let parsed = URL(string: url), ["http", "https"].contains(parsed.scheme?.lowercased()), parsed.host != nil else {
                throw IntakeError.invalidField("run url", "expected an http(s) URL")
            }
        }
        let failure = CIFailure(
            repo: repo, runID: runID, runAttempt: attempt, workflow: workflow, headSHA: headSHA?.lowercased(),
            branch: branch, runURL: runURL)
        return (failure, priority)
    }

    /// The priority, 0 when absent.
    func validatedPriority() throws -> Int {
        guard let text = priority else { return 0 }
        guard let value = Int(text), (-1000...1000).contains(value) else {
            throw IntakeError.invalidField("priority", "\"\(text)\" is not an integer from -1000 to 1000")
        }
        return value
    }

    /// Spaces and tabs off both ends, without Foundation's NSString round trip (this runs in every `enqueue`).
    static func trimmed(_ text: String) -> String {
        let blank: (Character) -> Bool = { $0 == " " || $0 == "\t" }
        guard let first = text.firstIndex(where: { !blank($0) }), let last = text.lastIndex(where: { !blank($0) }) else { return "" }
        return String(text[first...last])
    }

    /// GitHub's rules: owner 1–39 of [A-Za-z0-9-] not starting with '-'; name 1–100 of [A-Za-z0-9._-], not "." or "..".
    static func checkRepository(_ repo: String) throws {
        let parts = repo.split(separator: "/", omittingEmptySubsequences: false)
        let why = "expected OWNER/NAME, got \"\(repo)\""
        guard parts.count == 2 else { throw IntakeError.invalidField("repo", why) }
        let (owner, name) = (parts[0], parts[1])
        let ownerOK =
            (1...39).contains(owner.count) && owner.first != "-"
            && owner.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }
        let nameOK =
            (1...100).contains(name.count) && name != "." && name != ".."
            && name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "._-".contains($0)) }
        guard ownerOK, nameOK else { throw IntakeError.invalidField("repo", why) }
    }

    /// A git ref name, roughly as `git check-ref-format` sees it.
    static func checkBranch(_ branch: String) throws {
        try checkText(branch, field: "branch", maxLength: 255)
        let bad =
            branch.isEmpty || branch.contains("..") || branch.hasPrefix("-") || branch.hasSuffix("/")
            || branch.hasSuffix(".lock") || branch.contains(where: { " ~^:?*[\\".contains($0) })
        if bad { throw IntakeError.invalidField("branch", "\"\(branch)\" is not a valid git branch name") }
    }

    static func checkText(_ text: String, field: String, maxLength: Int) throws {
        guard !text.isEmpty, text.count <= maxLength else {
            throw IntakeError.invalidField(field, "must be 1 to \(maxLength) characters")
        }
        guard !text.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else {
            throw IntakeError.invalidField(field, "contains control characters")
        }
    }
}

extension EnqueueRequest {
    /// Checks only the repository field (for commands that take a repository but no run).
    public func checkRepositoryOnly() throws {
        guard let repo else { throw IntakeError.missingField("repo") }
        try Self.checkRepository(repo)
    }
}
