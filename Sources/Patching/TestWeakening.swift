/// Test weakening in a diff's text: a first filter only. The verdict that counts is by outcome
/// (`TestVerdict`): the tests that failed in CI must run and pass, and no fewer tests may run.
enum TestWeakening {
    static func checkStrings(_ file: UnifiedDiff.FilePatch) throws {
        let added = file.hunks.flatMap(\.added)
        let removed = file.hunks.flatMap(\.removed)
        // Skips and deselection are refused wherever they are added: a helper module can skip too.
        if let skip = added.first(where: TestFiles.isSkip) {
            throw PatchError.refused(rule: "tests", detail: "\(file.path): skips or deselects tests (\(skip.trimmingCharacters(in: .whitespaces).prefix(120)))")
        }
        guard TestFiles.isTestPath(file.path) else { return }
        if file.isDeletion { throw PatchError.refused(rule: "tests", detail: "\(file.path): deletes a test file") }
        if removed.filter(TestFiles.isTestDefinition).count > added.filter(TestFiles.isTestDefinition).count {
            throw PatchError.refused(rule: "tests", detail: "\(file.path): removes a test")
        }
        if removed.filter(TestFiles.isAssertion).count > added.filter(TestFiles.isAssertion).count {
            throw PatchError.refused(rule: "tests", detail: "\(file.path): removes an assertion")
        }
        if let vacuous = added.first(where: TestFiles.isVacuousAssertion) {
            throw PatchError.refused(rule: "tests", detail: "\(file.path): weakens an assertion (\(vacuous.trimmingCharacters(in: .whitespaces).prefix(120)))")
        }
        if added.contains(where: TestFiles.isEarlyReturn) {
            throw PatchError.refused(rule: "tests", detail: "\(file.path): returns early from a test")
        }
    }
}
