import Foundation
import GitHub
import LogAnalysis
import Patching

extension PipelineJob {
    /// Stage 3: the code around each error (its enclosing function, ±N lines) and the commit under test, within a budget.
    /// Read from git objects at the run's commit only: no checkout, and symlinks and submodules are never followed.
    func gatherContext(_ facts: RunFacts, _ errors: ExtractedErrors, _ report: inout StageRunner.Report) async throws -> GatheredContext {
        try await ensureCommit(facts)
        let index = try await pipeline.trees.index(repo: failure.repo, sha: facts.headSHA, workspace: pipeline.workspace)
        var plan = CodeSections()
        var shown: Set<String> = []
        var testLines: [String] = []
        // Each file read once: the sections, the heads and the localization map share it.
        var loaded: [String: [String]] = [:]
        func load(_ path: String) async throws -> [String]? {
            if let lines = loaded[path] { return lines }
            // A name that could open or close a fence is never shown (git allows newlines and `<` in names).
            guard PromptFence.isPresentable(path), let entry = index.files[path],
                let text = try await pipeline.workspace.text(repo: failure.repo, object: entry.object)
            else { return nil }
            let lines = Self.lines(text)
            loaded[path] = lines
            return lines
        }
        var sources: [String] = []
        let frames = FrameRanking.ranked(errors.errors.map(\.locations), files: TrackedFiles(index: index))
        for frame in frames {
            guard shown.insert("\(frame.path):\(frame.line ?? 0)").inserted, let lines = try await load(frame.path), !lines.isEmpty else { continue }
            plan.add(path: frame.path, lines: lines, range: snippetRange(lines, around: frame.line))
            if let line = frame.line, frame.rank == .test { testLines += sectionLines(lines, around: line) }
            if frame.rank < .test, !sources.contains(frame.path) { sources.append(frame.path) }
        }
        // An assertion fails in the test; the bug is usually in what the test called (or in what that
        // calls), which no frame names: two levels of definitions, in call order, while the budget lasts.
        // The names the error messages point at come first.
        var frontier = errors.errors.flatMap { CalledDefinitions.namedInMessage($0.message) }.map { "\($0)()" } + testLines
        var followed: Set<String> = []
        let scope = SearchScope(maxFiles: configuration.searchScopeFiles).directories(
            counts: index.directoryFiles, total: index.count, anchors: frames.map(\.path))
        for _ in 0..<2 where !frontier.isEmpty {
            let found = try await calledDefinitions(frontier, facts, excluding: followed, in: scope)
            frontier = []
            for (name, path, line) in found {
                followed.insert(name)
                guard shown.insert("\(path):\(line)").inserted, let lines = try await load(path), !lines.isEmpty else { continue }
                plan.add(path: path, lines: lines, range: snippetRange(lines, around: line))
                frontier += sectionLines(lines, around: line)
            }
        }
        // Last, while room is left: the head of each source file a frame named (its imports and
        // declarations), where a fix to a name the code uses often lands.
        for path in sources {
            guard let lines = try await load(path), let head = Self.headRange(lines) else { continue }
            plan.add(path: path, lines: lines, range: head)
        }
        // Model-assisted localization: the places the model picks from the candidates' map come first.
        if let places = try await modelLocalization(facts, errors, frames: frames, candidates: loaded, index: index, &report) {
            var picked = CodeSections()
            for place in places {
                guard let lines = try await load(place.path), !lines.isEmpty else { continue }
                picked.add(path: place.path, lines: lines, range: snippetRange(lines, around: place.line))
            }
            for section in plan.sections { picked.add(path: section.path, lines: section.lines, range: section.range) }
            plan = picked
            report.detail = "model picked \(places.count) places"
        }
        let rendered = plan.render(budget: configuration.contextBudget, fence: PromptFence.escape, attribute: PromptFence.attribute)
        var code = rendered.shown.isEmpty ? "(no file named by the errors was found in the repository)" : rendered.shown.joined(separator: "\n\n")
        if !rendered.omitted.isEmpty { code += "\n\n(left out for the size budget: \(rendered.omitted.joined(separator: ", ")))" }
        let recent = try await recentChange(facts, files: rendered.files, maxBytes: max(0, min(rendered.left, 8000)))
        report.detail = [
            report.detail, "\(rendered.shown.count) code sections from \(rendered.files.count) files",
            recent.sinceGreen ? "changes since the last green run" : nil,
        ].compactMap { $0 }.joined(separator: ", ")
        return GatheredContext(
            code: redact(code), recentChange: redact(PromptFence.escape(recent.diff)), files: rendered.files, recentChangeTitle: recent.title)
    }

    /// What changed in `files` since the last successful run of this workflow on the branch (the stat of
    /// every file, when those did not change): the breaking change is often the bug. Without a green run to
    /// compare with (none listed, only a fork's, not in this commit's history, no permission, git too slow),
    /// the run's own commit.
    func recentChange(_ facts: RunFacts, files: [String], maxBytes: Int) async throws -> (title: String?, diff: String, sinceGreen: Bool) {
        guard maxBytes > 0 else { return (nil, "", false) }
        if !files.isEmpty, let green = try? await lastGreenRun(facts),
            GitWorkspace.isObjectName(green.headSHA), green.headSHA != facts.headSHA,
            (try? await pipeline.workspace.fetch(repo: failure.repo, sha: green.headSHA, token: try await github.accessToken())) != nil,
            (try? await pipeline.workspace.isAncestor(repo: failure.repo, green.headSHA, of: facts.headSHA)) == true
        {
            let (from, to) = (green.headSHA, facts.headSHA)
            let range = "\(from.prefix(12))..\(to.prefix(12))"
            if let diff = try? await pipeline.workspace.rangeDiff(repo: failure.repo, from: from, to: to, paths: files, maxBytes: maxBytes), !diff.isEmpty {
                return ("Changes to these files since the last successful run of this workflow on the branch (\(range)):", diff, true)
            }
            if let stat = try? await pipeline.workspace.rangeDiff(repo: failure.repo, from: from, to: to, paths: [], patch: false, maxBytes: maxBytes),
                !stat.isEmpty
            {
                return ("Files changed since the last successful run of this workflow on the branch (\(range); none of the files above):", stat, true)
            }
        }
        // Context, not a condition of the fix: without it the model still sees the code.
        let diff = (try? await pipeline.workspace.commitDiff(repo: failure.repo, sha: facts.headSHA, maxBytes: maxBytes)) ?? ""
        return (nil, diff, false)
    }

    /// Where the project defines what `lines` call (outside test files), in call order: name, path, line.
    func calledDefinitions(_ lines: [String], _ facts: RunFacts, excluding: Set<String>, in scope: [String]) async throws -> [(String, String, Int)] {
        let names = Array(CalledDefinitions.calledNames(lines).filter { !excluding.contains($0) }.prefix(8))
        guard !names.isEmpty else { return [] }
        let hits = try await pipeline.workspace.grepWords(repo: failure.repo, sha: facts.headSHA, words: names, directories: scope)
        return names.compactMap { name in
            hits.first { !TestFiles.isTestPath($0.path) && CalledDefinitions.defines($0.text, name) }.map { (name, $0.path, $0.line) }
        }
    }

    /// The lines a section around `line` shows (see `snippetRange`).
    func sectionLines(_ lines: [String], around line: Int) -> [String] {
        guard !lines.isEmpty else { return [] }
        return Array(lines[snippetRange(lines, around: line)])
    }

    /// The line of the definition enclosing `target` (up to 60 lines above), if there is one.
    func definitionLine(_ lines: [String], _ target: Int) -> Int? {
        let definitions = ["def ", "async def ", "func ", "function ", "fn ", "class ", "public ", "private ", "static ", "it(", "test(", "describe("]
        return stride(from: target, through: max(0, target - 60), by: -1).first { index in
            let trimmed = lines[index].trimmingCharacters(in: .whitespaces)
            return definitions.contains(where: trimmed.hasPrefix)
        }
    }

    /// A file's lines before its first definition (imports, module declarations), at most 30; nil when it starts with one.
    static func headRange(_ lines: [String]) -> ClosedRange<Int>? {
        let definitions = [
            "def ", "async def ", "class ", "func ", "function ", "fn ", "pub fn ", "pub(crate) fn ", "impl ", "pub struct ", "struct ",
            "public ", "private ", "protected ", "int ", "void ", "static ", "export function ", "export class ", "module.exports",
        ]
        let end = lines.prefix(30).firstIndex { line in definitions.contains(where: line.hasPrefix) } ?? min(lines.count, 30)
        return end > 0 ? 0...(end - 1) : nil
    }

    /// Lines split on `\n` bytes, as git and the log reader split them.
    static func lines(_ text: String) -> [String] {
        Array(text.utf8).split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
    }

    /// From the enclosing definition (up to 60 lines above, and at least `contextLines`) to `contextLines`
    /// below, and on to the end of the enclosing function when it ends further down (at most 150 lines):
    /// a long function is shown whole, a short one with its neighbourhood. The head of the file without a line.
    func snippetRange(_ lines: [String], around line: Int?) -> ClosedRange<Int> {
        let target = min(max((line ?? 1) - 1, 0), lines.count - 1)
        guard line != nil else { return 0...min(lines.count - 1, 80) }
        let definition = definitionLine(lines, target)
        let start = min(definition ?? target, max(0, target - configuration.contextLines))
        var end = min(lines.count - 1, target + configuration.contextLines)
        if let definition, let functionEnd = FunctionSpan.end(lines, start: definition), functionEnd >= target { end = max(end, functionEnd) }
        return start...end
    }
}
