import Foundation
import GitHub
import LogAnalysis
import Patching

extension PipelineJob {
    /// Stage 3: the code around each error (its enclosing function, ±N lines) and the commit under test, within a budget.
    /// Read from git objects at the run's commit only: no checkout, and symlinks and submodules are never followed.
    func gatherContext(_ facts: RunFacts, _ errors: ExtractedErrors, _ report: inout StageRunner.Report) async throws -> GatheredContext {
        try await ensureCommit(facts)
        let entries = try await pipeline.workspace.entries(repo: failure.repo, sha: facts.headSHA).filter(\.isRegularFile)
        let byPath = Dictionary(entries.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
        let files = entries.map(\.path)
        var budget = configuration.contextBudget
        var sections: [String] = []
        var used: [String] = []
        var shown: Set<String> = []
        var testLines: [String] = []
        func show(_ path: String, _ text: String, line: Int?) {
            let section = "<code path=\"\(PromptFence.attribute(path))\">\n\(PromptFence.escape(snippet(text, around: line)))\n</code>"
            guard section.count <= budget else { return }
            budget -= section.count
            sections.append(section)
            if !used.contains(path) { used.append(path) }
        }
        for location in errors.errors.flatMap({ $0.locations.reversed() }) {
            guard let path = resolve(location.file, in: files), let entry = byPath[path] else { continue }
            let key = "\(path):\(location.line ?? 0)"
            guard shown.insert(key).inserted,
                let text = try await pipeline.workspace.text(repo: failure.repo, object: entry.object)
            else { continue }
            show(path, text, line: location.line)
            if let line = location.line, TestFiles.isTestPath(path) { testLines += testBody(text, through: line) }
        }
        // An assertion fails in the test; the bug is usually in what the test called, which no frame names.
        for (path, line) in try await calledDefinitions(testLines, facts) where shown.insert("\(path):\(line)").inserted {
            guard let entry = byPath[path], let text = try await pipeline.workspace.text(repo: failure.repo, object: entry.object) else { continue }
            show(path, text, line: line)
        }
        let recent = try await pipeline.workspace.commitDiff(repo: failure.repo, sha: facts.headSHA, maxBytes: max(0, min(budget, 8000)))
        report.detail = "\(sections.count) code sections from \(used.count) files"
        return GatheredContext(
            code: redact(sections.isEmpty ? "(no file named by the errors was found in the repository)" : sections.joined(separator: "\n\n")),
            recentChange: redact(PromptFence.escape(recent)), files: used)
    }

    /// Where the project defines what the failing tests' lines call (outside test files), in call order.
    func calledDefinitions(_ testLines: [String], _ facts: RunFacts) async throws -> [(String, Int)] {
        let names = Array(CalledDefinitions.calledNames(testLines).prefix(8))
        guard !names.isEmpty else { return [] }
        let hits = try await pipeline.workspace.grepWords(repo: failure.repo, sha: facts.headSHA, words: names)
        var found: [(String, Int)] = []
        for name in names {
            if let hit = hits.first(where: { !TestFiles.isTestPath($0.path) && CalledDefinitions.defines($0.text, name) }) {
                found.append((hit.path, hit.line))
            }
        }
        return found
    }

    /// The lines of the test around `line`: from its enclosing definition to the line itself.
    func testBody(_ text: String, through line: Int) -> [String] {
        let lines = text.components(separatedBy: "\n")
        let target = min(max(line - 1, 0), max(lines.count - 1, 0))
        guard !lines.isEmpty else { return [] }
        return Array(lines[enclosingStart(lines, target)...target])
    }

    /// The line of the definition enclosing `target` (up to 60 lines above), or `target - contextLines`.
    func enclosingStart(_ lines: [String], _ target: Int) -> Int {
        let definitions = ["def ", "async def ", "func ", "function ", "fn ", "class ", "public ", "private ", "static ", "it(", "test(", "describe("]
        for index in stride(from: target, through: max(0, target - 60), by: -1) {
            let trimmed = lines[index].trimmingCharacters(in: .whitespaces)
            if definitions.contains(where: trimmed.hasPrefix) { return min(index, max(0, target - configuration.contextLines)) }
        }
        return max(0, target - configuration.contextLines)
    }

    /// A tracked path for a log's path: exact, else the longest tracked path it ends with (absolute runner paths).
    func resolve(_ path: String, in files: [String]) -> String? {
        if files.contains(path) { return path }
        return files.filter { path.hasSuffix("/" + $0) || $0.hasSuffix("/" + path) }.max { $0.count < $1.count }
    }

    /// Numbered lines: from the enclosing definition (up to 60 lines above) to `contextLines` below; the head of the file without a line.
    func snippet(_ text: String, around line: Int?) -> String {
        let lines = Array(text.utf8).split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
        guard !lines.isEmpty else { return "" }
        let target = min(max((line ?? 1) - 1, 0), lines.count - 1)
        let start = line == nil ? 0 : enclosingStart(lines, target)
        let end = line == nil ? min(lines.count - 1, 80) : min(lines.count - 1, target + configuration.contextLines)
        return (start...end).map { index in
            let number = String(index + 1)
            return String(repeating: " ", count: max(0, 5 - number.count)) + number + "  " + lines[index]
        }.joined(separator: "\n")
    }
}
