import ChildProcess
import Evals
import Foundation
import Testing

/// The pipeline around the model: with the reference fix as the model's answer, every fix case must
/// become a successful draft PR and every other case must end as expected; with known-bad answers, the
/// judge must catch each one.
@Suite("autofix eval through the real pipeline", .serialized)
struct OracleEvalTests {
    @Test func oracle_fixesEveryFixCase_andEndsTheOthersAsExpected() async throws {
        let suite = try EvalSuiteLocation.load()
        // Inside a git repository, as `make eval`'s ./var/eval is inside the checkout.
        let checkout = FileManager.default.temporaryDirectory.appendingPathComponent("autofix-eval-\(UUID().uuidString.prefix(8))").path
        try FileManager.default.createDirectory(atPath: checkout, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: checkout) }
        _ = try await ProcessRunner().run(["git", "init", "--quiet", checkout])
        let directory = "\(checkout)/var/eval"
        let evaluation = Evaluation(suite: suite, model: .oracle, runs: 1, directory: directory)
        let report = try await evaluation.run(try evaluation.trials(named: []))
        for verdict in report.passes[0] {
            let wanted = verdict.expect == "fix" ? "success" : "expected"
            #expect(verdict.judged == wanted, "\(verdict.name): \(verdict.judged), state \(verdict.state), \(verdict.reason ?? ""), \(verdict.requirements)")
        }
        #expect(report.summary.successRate == 1)
        #expect(report.summary.falsePositiveRate == 0)
        #expect(report.summary.expectedOutcomeRate == 1)
    }

    @Test func knownBadReplies_areEachJudgedAsTheyShouldBe() async throws {
        let suite = try EvalSuiteLocation.load()
        let file = "\(EvalSuiteLocation.root)/evals/scripted/known-bad.yaml"
        let replies = try ScriptedReplies.load(file)
        #expect(replies.replies.count >= 5)
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("autofix-eval-\(UUID().uuidString.prefix(8))").path
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let evaluation = Evaluation(suite: suite, model: .scripted(file), runs: 1, directory: directory)
        let report = try await evaluation.run(try evaluation.trials(named: []))
        for entry in replies.replies {
            let verdict = try #require(report.passes[0].first { $0.name == (entry.label ?? entry.case) })
            #expect(
                verdict.judged == entry.judged, "\(entry.case) (\(entry.note ?? "")): judged \(verdict.judged), state \(verdict.state), \(verdict.requirements)"
            )
            #expect(verdict.judged != "success", "a known-bad reply never counts as a success")
        }
    }
}
