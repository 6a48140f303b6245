import Testing

@testable import Evals

@Suite("eval measures and judgement rules")
struct EvalMeasuresTests {
    @Test func changedLines_takeRemovedLinesByOldNumber_andInsertionsByTheLineBefore() {
        let diff = """
            --- a/src/a.py
            +++ b/src/a.py
            @@ -7,4 +7,5 @@ def f():
                 x = 1
            -    return x
            +    # why
            +    return x + 1
                 pass
            @@ -20,2 +21,3 @@
                 y = 2
            +    z = 3
                 w = 4
            """
        let places = EvalMeasures.changedLines(diff).map { "\($0.path):\($0.line)" }
        #expect(places == ["src/a.py:8", "src/a.py:20"])
    }

    @Test func shownLines_readTheNumberedLinesOfEachCodeSection() {
        let context = """
            <code path="src/a.py">
                7  def f():
                8      return x
            </code>

            <code path="lib/b.js">
              120  const y = 1;
            </code>
            """
        let shown = EvalMeasures.shownLines(context)
        #expect(shown["src/a.py"] == [7, 8])
        #expect(shown["lib/b.js"] == [120])
    }

    @Test func addsComment_readsEachFilesOwnCommentSyntax() {
        #expect(EvalJudge.addsComment("+++ b/x.py\n+    # the mean divides by the count\n"))
        #expect(EvalJudge.addsComment("+++ b/src/a.js\n+  x = y; // keep the bound inclusive\n"))
        #expect(!EvalJudge.addsComment("+++ b/x.py\n+    return total / len(values)\n-    old\n"))
        #expect(!EvalJudge.addsComment("+++ b/pricing.py\n+    return (cents * (100 - percent) + 50) // 100\n"), "Python's // divides")
        #expect(!EvalJudge.addsComment("+++ b/src/a.c\n+    n = n # 2;\n"), "# is no comment in C")
    }

    @Test func commentSyntax_stripsCommentsBeforeTheExpectedTextIsLookedFor() {
        let python = CommentSyntax(path: "stats/summary.py")
        #expect(python.withoutComments("x = 1  # ordered[middle - 1]\n# ordered[middle - 1]\ny = 2") == "x = 1  \n\ny = 2")
        let c = CommentSyntax(path: "src/slug.c")
        #expect(!c.withoutComments("  /* len + need >= out_len */\n  if (len + need > out_len)").contains(">= out_len"))
    }

    @Test func hiddenRun_mustReportEveryTestTheReferenceRunPassed() {
        let reference = "test_a (t.T.test_a) ... ok\ntest_b (t.T.test_b) ... ok\n\nRan 2 tests in 0.001s\n\nOK\n"
        #expect(EvalJudge.matches(reference.replacingOccurrences(of: "0.001s", with: "0.004s"), reference: reference))
        #expect(!EvalJudge.matches("test_a (t.T.test_a) ... ok\n", reference: reference), "the run ended before test_b and exited 0")
        #expect(!EvalJudge.matches(reference.replacingOccurrences(of: "test_b) ... ok", with: "test_b) ... ERROR"), reference: reference))
        let harness = "== build/test_slug\nok - slugify basic\nok - slugify bound\n"
        #expect(EvalJudge.matches(harness, reference: harness))
        #expect(!EvalJudge.matches("== build/test_slug\n", reference: harness), "an unrecognised format must match the reference output")
    }

    @Test func summary_countsSuccessesOverFixCases_andFalsePositivesOverOpenedPRs() {
        func verdict(_ name: String, _ expect: String, _ judged: String, pull: Bool) -> EvalVerdict {
            EvalVerdict(
                judged: judged, name: name, ecosystem: "python", expect: expect, state: "x", reason: nil, pullOpened: pull, requirements: [:],
                hiddenTestsPassed: nil, seconds: 10, tokensIn: 100, tokensOut: 50, costUSD: 0.001, extractionHit: true, localizedLines: 1,
                changedLines: 2)
        }
        let report = EvalReport(
            model: "t",
            passes: [
                [
                    verdict("a", "fix", "success", pull: true), verdict("b", "fix", "false_positive", pull: true),
                    verdict("c", "fix", "missed", pull: false), verdict("d", "skipped", "expected", pull: false),
                ],
                [
                    verdict("a", "fix", "success", pull: true), verdict("b", "fix", "success", pull: true),
                    verdict("c", "fix", "missed", pull: false), verdict("d", "skipped", "unexpected", pull: false),
                ],
            ])
        #expect(report.summary.successRate == 0.5)
        #expect(report.summary.falsePositiveRate == 0.25)
        #expect(report.summary.expectedOutcomeRate == 0.5)
        #expect(report.summary.successRateSpread == [1.0 / 3.0, 2.0 / 3.0])
        #expect(report.summary.localizedCases == 0 && report.summary.localizationCases == 4)
        #expect(report.tally("b") == "false_positive 1/2, success 1/2")
        #expect(report.summary.medianPromptTokens == 100)
    }
}
