import Foundation
import Yams

/// `evals/ci_autofix.yaml`: the design document's eval format, each case extended with its repository,
/// ecosystem, test command, expected outcome, the log lines that explain it and the files a fix may touch.
public struct EvalSuite: Sendable, Decodable {
    public var behavioralRequirements: [String]
    public var testCases: [EvalCase]
    /// The directory holding `cases/`, set when loaded.
    public var root = ""

    enum CodingKeys: String, CodingKey {
        case behavioralRequirements = "behavioral_requirements"
        case testCases = "test_cases"
    }

    /// Reads and checks the file: every case names a folder with `repo/` and `ci.log`, and a fix case
    /// has its reference `fix.diff`.
    public static func load(_ path: String) throws -> EvalSuite {
        guard let text = FileManager.default.contents(atPath: path) else { throw EvalError.badSuite("cannot read \(path)") }
        var suite: EvalSuite
        do {
            suite = try YAMLDecoder().decode(EvalSuite.self, from: String(decoding: text, as: UTF8.self))
        } catch {
            throw EvalError.badSuite("\(path): \(error)")
        }
        suite.root = URL(fileURLWithPath: path).deletingLastPathComponent().path
        var names = Set<String>()
        for testCase in suite.testCases {
            guard names.insert(testCase.name).inserted else { throw EvalError.badSuite("case \(testCase.name) appears twice") }
            let folder = suite.folder(of: testCase)
            for required in ["repo", "ci.log"] + (testCase.expect == .fix ? ["fix.diff"] : []) {
                guard FileManager.default.fileExists(atPath: "\(folder)/\(required)") else {
                    throw EvalError.badSuite("case \(testCase.name): \(folder)/\(required) is missing")
                }
            }
            guard !testCase.repo.contains("/"), !testCase.repo.hasPrefix(".") else {
                throw EvalError.badSuite("case \(testCase.name): repo must be a folder name under cases/")
            }
        }
        return suite
    }

    public func folder(of testCase: EvalCase) -> String { "\(root)/cases/\(testCase.repo)" }

    /// The cases named (all when none), in the file's order; an unknown name is an error.
    public func selecting(_ names: [String]) throws -> [EvalCase] {
        guard !names.isEmpty else { return testCases }
        for name in names where !testCases.contains(where: { $0.name == name }) { throw EvalError.badSuite("no case named \(name)") }
        return testCases.filter { names.contains($0.name) }
    }
}

/// One case of the suite.
public struct EvalCase: Sendable, Decodable {
    public enum Expectation: String, Sendable, Codable {
        case fix
        case noFix = "no_fix"
        case skipped
    }

    public struct Input: Sendable, Decodable {
        public var error: String
        public var file: String?
        public var line: Int?
    }

    public struct ExpectedFix: Sendable, Decodable {
        public var contains: String?
        public var orContains: String?
        public var modifiesFile: String?
        public var orModifies: String?

        enum CodingKeys: String, CodingKey {
            case contains
            case orContains = "or_contains"
            case modifiesFile = "modifies_file"
            case orModifies = "or_modifies"
        }
    }

    public var name: String
    public var repo: String
    public var ecosystem: String
    public var testCommand: String
    public var expect: Expectation
    public var input: Input
    public var expectedFix: ExpectedFix?
    public var errorLines: [Int]
    public var allowedFiles: [String]
    public var explanation: String

    enum CodingKeys: String, CodingKey {
        case name, repo, ecosystem, expect, input, explanation
        case testCommand = "test_command"
        case expectedFix = "expected_fix"
        case errorLines = "error_lines"
        case allowedFiles = "allowed_files"
    }
}
