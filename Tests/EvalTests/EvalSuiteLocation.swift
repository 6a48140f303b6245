import Evals
import Foundation

/// The repository's `evals/`, found from this file so the tests run from any directory.
enum EvalSuiteLocation {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
    static let file = "\(root)/evals/ci_autofix.yaml"

    static func load() throws -> EvalSuite { try EvalSuite.load(file) }

    /// The cases, for parameterised tests (a suite that cannot load yields none, and `suiteLoads` fails).
    static let cases: [String] = (try? load().testCases.map(\.name)) ?? []
}
