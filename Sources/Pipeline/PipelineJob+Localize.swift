import Foundation
import GitHub
import LLM
import Patching

extension PipelineJob {
    /// `pipeline.localization: model`: a first, cheap call shows the model the errors, the ranked frames and
    /// a map of the candidate files' definitions, and asks which places to show (Agentless's shape). Its
    /// answer is only a list of places, each checked against the tracked files; nil when the model could not
    /// be asked or named nothing usable, and the heuristic's sections stand alone.
    func modelLocalization(
        _ facts: RunFacts, _ errors: ExtractedErrors, frames: [FrameRanking.Frame], candidates: [String: [String]], index: TreeIndex,
        _ report: inout StageRunner.Report
    ) async throws -> [LocalizedPlace]? {
        guard let template = pipeline.localizePrompt, !candidates.isEmpty else { return nil }
        let files = index.sortedPaths
        // The map follows the frames' rank (the files they name first), then the other candidates.
        let order = frames.map(\.path) + candidates.keys.sorted()
        var map: [String] = []
        var mapBytes = 0
        var mapped: Set<String> = []
        files: for path in order where mapped.insert(path).inserted && PromptFence.isPresentable(path) {
            try Task.checkCancellation()
            // Long lines are data or minified code, and no definition worth showing; a line's scan is
            // quadratic in its words, so a hostile file must not get to make it long.
            for (index, line) in (candidates[path] ?? []).prefix(5000).enumerated() where line.utf8.count <= 300 {
                guard let name = CalledDefinitions.definedName(line) else { continue }
                let entry = "\(path):\(index + 1) \(name)"
                mapBytes += entry.utf8.count + 1
                if mapBytes > 6000 { break files }
                map.append(entry)
            }
        }
        let others = files.lazy.filter { candidates[$0] == nil && PromptFence.isPresentable($0) && !TestFiles.isTestPath($0) && Self.isSourcePath($0) }
            .prefix(150)
        let values: [String: String] = [
            "workflow": facts.workflow, "repository": failure.repo, "head_sha": facts.headSHA,
            "errors": PromptFence.escape(errors.errors.map { "- [\($0.kind.rawValue)] \($0.message)" }.joined(separator: "\n")),
            "log_excerpt": PromptFence.escape(String(errors.errors.map(\.excerpt).joined(separator: "\n").suffix(4000))),
            "frames": PromptFence.escape(
                frames.filter { PromptFence.isPresentable($0.path) }.map { "- \($0.path)\($0.line.map { ":\($0)" } ?? "") (\($0.rank))" }
                    .joined(separator: "\n")),
            "map": PromptFence.escape(map.joined(separator: "\n")), "files": PromptFence.escape(others.joined(separator: "\n")),
        ].mapValues(redact)
        let (system, user) = template.render(values)
        let response: LLMResponse
        do {
            response = try await ask(LLMRequest(system: system, messages: [.init(role: "user", content: user)], maxTokens: 300), &report)
        } catch is CancellationError {
            throw CancellationError()
        } catch {
            logger.warning("model localization failed; the heuristic's sections only", metadata: ["error": "\(error)"])
            return nil
        }
        let places = LocalizedPlace.parse(response.text, files: files)
        return places.isEmpty ? nil : places
    }

    /// A path the model may be shown as code: source, not data, lockfiles, keys or media.
    static func isSourcePath(_ path: String) -> Bool {
        let sourceExtensions: Set<String> = [
            "py", "js", "jsx", "mjs", "cjs", "ts", "tsx", "go", "rs", "java", "kt", "scala", "rb", "swift", "c", "h", "cc", "cpp", "hpp", "cs", "php",
            "m", "mm", "ex", "exs", "erl", "hs", "clj", "sh", "lua", "dart",
        ]
        let name = path.split(separator: "/").last ?? ""
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return false }
        return sourceExtensions.contains(name[name.index(after: dot)...].lowercased())
    }
}

/// A place model localization named: a tracked path and a line in it.
struct LocalizedPlace: Equatable, Sendable {
    var path: String
    var line: Int

    /// The `PATH:LINE` places `reply` names that are tracked source files, at most 8, in the reply's order.
    /// Anything else (prose, an untracked, escaping or non-source path, a line number out of range) is ignored.
    static func parse(_ reply: String, files: [String]) -> [LocalizedPlace] {
        let tracked = Set(files)
        let pattern = try! NSRegularExpression(pattern: #"([^\s`'"*:()\[\]]+):([0-9]{1,7})\b"#)
        var places: [LocalizedPlace] = []
        for raw in reply.split(whereSeparator: \.isNewline).prefix(50) {
            let text = String(raw.prefix(500))
            let range = NSRange(text.startIndex..., in: text)
            guard let match = pattern.firstMatch(in: text, range: range), let pathRange = Range(match.range(at: 1), in: text),
                let lineRange = Range(match.range(at: 2), in: text), let line = Int(text[lineRange]), line >= 1
            else { continue }
            var path = String(text[pathRange])
            while path.hasPrefix("./") { path.removeFirst(2) }
            guard tracked.contains(path), PipelineJob.isSourcePath(path), !places.contains(where: { $0.path == path && $0.line == line }) else { continue }
            places.append(LocalizedPlace(path: path, line: line))
            if places.count == 8 { break }
        }
        return places
    }
}
