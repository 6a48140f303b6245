import Foundation
import LLM
import Patching

extension PipelineJob {
    /// `pipeline.localization: model`: a first, cheap call shows the model the errors, the ranked frames and
    /// a map of the candidate files' definitions, and asks which places to show (Agentless's shape). Its
    /// answer is only a list of places, each checked against the tracked files; nil when the model could not
    /// be asked or named nothing usable, and the heuristic's sections stand alone.
    func modelLocalization(
        _ facts: RunFacts, _ errors: ExtractedErrors, frames: [FrameRanking.Frame], candidates: [String: [String]], files: [String],
        _ report: inout StageRunner.Report
    ) async throws -> [LocalizedPlace]? {
        guard let template = pipeline.localizePrompt, !candidates.isEmpty else { return nil }
        var map = ""
        for (path, lines) in candidates.sorted(by: { $0.key < $1.key }) {
            for (index, line) in lines.enumerated() {
                guard map.count < 6000, let name = CalledDefinitions.definedName(line) else { continue }
                map += "\(path):\(index + 1) \(name)\n"
            }
        }
        let others = files.filter { candidates[$0] == nil && !TestFiles.isTestPath($0) && Self.isSourcePath($0) }.prefix(150)
        let values: [String: String] = [
            "workflow": facts.workflow, "repository": failure.repo, "head_sha": facts.headSHA,
            "errors": PromptFence.escape(errors.errors.map { "- [\($0.kind.rawValue)] \($0.message)" }.joined(separator: "\n")),
            "log_excerpt": PromptFence.escape(errors.errors.map(\.excerpt).joined(separator: "\n").suffix(4000).description),
            "frames": frames.map { "- \($0.path)\($0.line.map { ":\($0)" } ?? "") (\($0.rank))" }.joined(separator: "\n"),
            "map": PromptFence.escape(map), "files": PromptFence.escape(others.joined(separator: "\n")),
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

    /// A path the model may be shown as code: source, not data, lockfiles or media.
    static func isSourcePath(_ path: String) -> Bool {
        let sourceExtensions: Set<String> = [
            "py", "js", "jsx", "mjs", "cjs", "ts", "tsx", "go", "rs", "java", "kt", "scala", "rb", "swift", "c", "h", "cc", "cpp", "hpp", "cs", "php",
            "m", "mm", "ex", "exs", "erl", "hs", "clj", "sh", "lua", "dart",
        ]
        return sourceExtensions.contains(URL(fileURLWithPath: path).pathExtension.lowercased())
    }
}

/// A place model localization named: a tracked path and a line in it.
struct LocalizedPlace: Equatable, Sendable {
    var path: String
    var line: Int

    /// The `PATH:LINE` lines of `reply` that name a tracked file, at most 8, in the reply's order. Anything
    /// else (prose, an untracked or escaping path, a line number out of range) is ignored.
    static func parse(_ reply: String, files: [String]) -> [LocalizedPlace] {
        let tracked = Set(files)
        var places: [LocalizedPlace] = []
        for raw in reply.split(whereSeparator: \.isNewline) {
            let text = raw.trimmingCharacters(in: CharacterSet(charactersIn: " \t-*`>•")).trimmingCharacters(in: .whitespaces)
            let token = text.split(separator: " ").first.map(String.init) ?? ""
            guard let colon = token.lastIndex(of: ":"), let line = Int(token[token.index(after: colon)...]), (1...1_000_000).contains(line)
            else { continue }
            var path = String(token[..<colon])
            if path.hasPrefix("./") { path.removeFirst(2) }
            guard tracked.contains(path), !places.contains(where: { $0.path == path && $0.line == line }) else { continue }
            places.append(LocalizedPlace(path: path, line: line))
            if places.count == 8 { break }
        }
        return places
    }
}
