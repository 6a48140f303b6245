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
        var plan = CodeSections()
        var shown: Set<String> = []
        var testLines: [String] = []
        func show(_ path: String, _ text: String, line: Int?) {
            let lines = Self.lines(text)
            guard !lines.isEmpty else { return }
            plan.add(path: path, lines: lines, range: snippetRange(lines, around: line))
        }
        for location in errors.errors.flatMap({ $0.locations.reversed() }) {
            guard let path = resolve(location.file, in: files), let entry = byPath[path] else { continue }
            let key = "\(path):\(location.line ?? 0)"
            guard shown.insert(key).inserted,
                let text = try await pipeline.workspace.text(repo: failure.repo, object: entry.object)
            else { continue }
            show(path, text, line: location.line)
            if let line = location.line, TestFiles.isTestPath(path) { testLines += sectionLines(text, around: line) }
        }
        // An assertion fails in the test; the bug is usually in what the test called (or in what that
        // calls), which no frame names: two levels of definitions, in call order, while the budget lasts.
        var frontier = testLines
        var followed: Set<String> = []
        for _ in 0..<2 where !frontier.isEmpty {
            let found = try await calledDefinitions(frontier, facts, excluding: followed)
            frontier = []
            for (name, path, line) in found {
                followed.insert(name)
                guard shown.insert("\(path):\(line)").inserted, let entry = byPath[path],
                    let text = try await pipeline.workspace.text(repo: failure.repo, object: entry.object)
                else { continue }
                show(path, text, line: line)
                frontier += sectionLines(text, around: line)
            }
        }
        let rendered = plan.render(budget: configuration.contextBudget, fence: PromptFence.escape, attribute: PromptFence.attribute)
        var code = rendered.shown.isEmpty ? "(no file named by the errors was found in the repository)" : rendered.shown.joined(separator: "\n\n")
        if !rendered.omitted.isEmpty { code += "\n\n(left out for the size budget: \(rendered.omitted.joined(separator: ", ")))" }
        let recent = try await pipeline.workspace.commitDiff(repo: failure.repo, sha: facts.headSHA, maxBytes: max(0, min(rendered.left, 8000)))
        report.detail = "\(rendered.shown.count) code sections from \(rendered.files.count) files"
        return GatheredContext(code: redact(code), recentChange: redact(PromptFence.escape(recent)), files: rendered.files)
    }

    /// Where the project defines what `lines` call (outside test files), in call order: name, path, line.
    func calledDefinitions(_ lines: [String], _ facts: RunFacts, excluding: Set<String>) async throws -> [(String, String, Int)] {
        let names = Array(CalledDefinitions.calledNames(lines).filter { !excluding.contains($0) }.prefix(8))
        guard !names.isEmpty else { return [] }
        let hits = try await pipeline.workspace.grepWords(repo: failure.repo, sha: facts.headSHA, words: names)
        return names.compactMap { name in
            hits.first { !TestFiles.isTestPath($0.path) && CalledDefinitions.defines($0.text, name) }.map { (name, $0.path, $0.line) }
        }
    }

    /// The lines a section around `line` shows: from the enclosing definition to `contextLines` below.
    func sectionLines(_ text: String, around line: Int) -> [String] {
        let lines = text.components(separatedBy: "\n")
        guard !lines.isEmpty else { return [] }
        let target = min(max(line - 1, 0), lines.count - 1)
        return Array(lines[enclosingStart(lines, target)...min(lines.count - 1, target + configuration.contextLines)])
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

    /// Lines split on `\n` bytes, as git and the log reader split them.
    static func lines(_ text: String) -> [String] {
        Array(text.utf8).split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
    }

    /// From the enclosing definition (up to 60 lines above) to `contextLines` below; the head of the file without a line.
    func snippetRange(_ lines: [String], around line: Int?) -> ClosedRange<Int> {
        let target = min(max((line ?? 1) - 1, 0), lines.count - 1)
        let start = line == nil ? 0 : enclosingStart(lines, target)
        let end = line == nil ? min(lines.count - 1, 80) : min(lines.count - 1, target + configuration.contextLines)
        return start...end
    }
}
