import Foundation
import Yams

/// Who answers the pipeline's prompts in an eval run.
public enum EvalModel: Sendable, Equatable {
    /// Answers each case's reference fix (or `NO_FIX` where no fix is right): proves the pipeline around the model.
    case oracle
    /// Answers from a file of replies per case (`replies: [{case, reply, judged}]`).
    case scripted(String)
    /// The provider the configuration names (`AUTOFIX_LLM_*`), a real model.
    case configured

    public init(argument: String) throws {
        switch argument {
        case "oracle": self = .oracle
        case "config": self = .configured
        case let value where value.hasPrefix("scripted:") && value.count > "scripted:".count:
            self = .scripted(String(value.dropFirst("scripted:".count)))
        default: throw EvalError.badReplies("--model takes oracle, scripted:FILE or config, not \(argument)")
        }
    }

    public var label: String {
        switch self {
        case .oracle: "oracle"
        case .scripted(let path): "scripted:\((path as NSString).lastPathComponent)"
        case .configured: "config"
        }
    }
}

/// A scripted reply file: what the model answers per case, and how the judge must see the result (for
/// the known-bad replies the tests feed through the harness).
public struct ScriptedReplies: Sendable, Decodable {
    public struct Entry: Sendable, Decodable {
        public var `case`: String
        public var reply: String
        /// The verdict the judge must reach (`success`, `false_positive`, `no_pr`, …); nil: not checked.
        public var judged: String?
        /// What the reply tries, for the report.
        public var note: String?
        /// The name the run is reported under (several replies may answer one case); the case's by default.
        public var label: String?
    }

    public var replies: [Entry]

    public static func load(_ path: String) throws -> ScriptedReplies {
        guard let data = FileManager.default.contents(atPath: path) else { throw EvalError.badReplies("cannot read \(path)") }
        do {
            return try YAMLDecoder().decode(ScriptedReplies.self, from: String(decoding: data, as: UTF8.self))
        } catch {
            throw EvalError.badReplies("\(path): \(error)")
        }
    }
}

extension EvalCase {
    /// The oracle's answer: the explanation and the reference diff, or `NO_FIX` with the reason.
    func oracleReply(folder: String) throws -> String {
        guard expect == .fix else { return "NO_FIX: \(explanation)" }
        guard let diff = FileManager.default.contents(atPath: "\(folder)/fix.diff") else { throw EvalError.badSuite("\(name): no fix.diff") }
        return "\(explanation)\n\n```diff\n\(String(decoding: diff, as: UTF8.self))```\n"
    }
}
