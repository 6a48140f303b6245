import Foundation
import Queue

/// Every verdict of an eval, the figures the design document sets targets for, and their text and JSON forms.
public struct EvalReport: Sendable, Codable {
    public struct Summary: Sendable, Codable, Equatable {
        /// Fix cases' runs that ended `success`, of all their runs (target ≥ 0.70).
        public var successRate: Double
        /// Runs whose PR should not exist or fails a requirement, of the runs that opened a PR (target < 0.10).
        public var falsePositiveRate: Double
        /// no_fix and skipped cases' runs that ended as expected, of all their runs.
        public var expectedOutcomeRate: Double
        /// Seconds from enqueue to PR, mean over successful runs (target < 300).
        public var meanSecondsToFix: Double?
        public var meanTokens: Double
        /// The median prompt (tokens in) of the runs that asked the model.
        public var medianPromptTokens: Int
        public var meanCostUSD: Double
        /// The lowest and highest success rate of a single pass over the cases (with --runs N > 1).
        public var successRateSpread: [Double]
        public var extractionHits: Int
        public var extractionCases: Int
        public var localizedCases: Int
        public var localizationCases: Int

        enum CodingKeys: String, CodingKey {
            case successRate = "success_rate"
            case falsePositiveRate = "false_positive_rate"
            case expectedOutcomeRate = "expected_outcome_rate"
            case meanSecondsToFix = "mean_seconds_to_fix"
            case meanTokens = "mean_tokens"
            case medianPromptTokens = "median_prompt_tokens"
            case meanCostUSD = "mean_cost_usd"
            case successRateSpread = "success_rate_spread"
            case extractionHits = "extraction_hits"
            case extractionCases = "extraction_cases"
            case localizedCases = "localized_cases"
            case localizationCases = "localization_cases"
        }
    }

    public var model: String
    public var runs: Int
    /// Per pass, each case's verdict (`passes[run][case]`).
    public var passes: [[EvalVerdict]]
    public var summary: Summary

    public init(model: String, passes: [[EvalVerdict]]) {
        self.model = model
        self.runs = passes.count
        self.passes = passes
        summary = Self.summarise(passes)
    }

    static func summarise(_ passes: [[EvalVerdict]]) -> Summary {
        let all = passes.flatMap { $0 }
        let fixes = all.filter { $0.expect == "fix" }
        let others = all.filter { $0.expect != "fix" }
        let opened = all.filter(\.pullOpened)
        let successes = fixes.filter { $0.judged == "success" }
        func rate(_ part: Int, _ whole: Int) -> Double { whole == 0 ? 0 : Double(part) / Double(whole) }
        let perPass = passes.map { pass in rate(pass.filter { $0.judged == "success" }.count, pass.filter { $0.expect == "fix" }.count) }
        // Model-independent figures are the same on every pass: the first one counts.
        let first = passes.first ?? []
        let extraction = first.compactMap(\.extractionHit)
        let localization = first.compactMap(\.localized)
        return Summary(
            successRate: rate(successes.count, fixes.count),
            falsePositiveRate: rate(opened.filter { $0.judged == "false_positive" }.count, opened.count),
            expectedOutcomeRate: rate(others.filter { $0.judged == "expected" }.count, others.count),
            meanSecondsToFix: successes.isEmpty ? nil : successes.map(\.seconds).reduce(0, +) / Double(successes.count),
            meanTokens: all.isEmpty ? 0 : Double(all.map { $0.tokensIn + $0.tokensOut }.reduce(0, +)) / Double(all.count),
            medianPromptTokens: Self.median(all.map(\.tokensIn).filter { $0 > 0 }),
            meanCostUSD: all.isEmpty ? 0 : all.map(\.costUSD).reduce(0, +) / Double(all.count),
            successRateSpread: [perPass.min() ?? 0, perPass.max() ?? 0],
            extractionHits: extraction.filter { $0 }.count, extractionCases: extraction.count,
            localizedCases: localization.filter { $0 }.count, localizationCases: localization.count)
    }

    static func median(_ values: [Int]) -> Int {
        let sorted = values.sorted()
        guard !sorted.isEmpty else { return 0 }
        return sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
    }

    public func json() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        return String(decoding: try encoder.encode(self), as: UTF8.self)
    }

    public static func load(_ path: String) throws -> EvalReport {
        guard let data = FileManager.default.contents(atPath: path) else { throw EvalError.badSuite("cannot read baseline \(path)") }
        do {
            return try JSONDecoder().decode(EvalReport.self, from: data)
        } catch {
            throw EvalError.badSuite("baseline \(path) is not an `autofix eval --json` result: \(error)")
        }
    }

    /// How often each case was judged each way, over the passes: `success 2/3`.
    func tally(_ name: String) -> String {
        let verdicts = passes.compactMap { $0.first { $0.name == name } }
        let counts = Dictionary(grouping: verdicts, by: \.judged).mapValues(\.count)
        return counts.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)/\(verdicts.count)" }.joined(separator: ", ")
    }

    public func text(baseline: EvalReport? = nil) -> String {
        var lines = ["model \(model), \(runs) run\(runs == 1 ? "" : "s") per case", ""]
        let names = passes.first?.map(\.name) ?? []
        for name in names {
            guard let verdict = passes.first?.first(where: { $0.name == name }) else { continue }
            let failed = verdict.requirements.filter { !$0.value }.keys.sorted()
            var line =
                "\(name.padding(toLength: 26, withPad: " ", startingAt: 0)) \(verdict.expect.padding(toLength: 8, withPad: " ", startingAt: 0)) \(tally(name))"
            line += "  extraction \(verdict.extractionHit.map { $0 ? "hit" : "miss" } ?? "-")"
            line += "  localization \(verdict.changedLines.map { "\(verdict.localizedLines ?? 0)/\($0)" } ?? "-")"
            line += String(format: "  %.1f s  %d tokens", verdict.seconds, verdict.tokensIn + verdict.tokensOut)
            if !failed.isEmpty { line += "  failed: \(failed.joined(separator: ","))" }
            if verdict.judged != "success" && verdict.judged != "expected", let reason = verdict.reason { line += "  (\(reason.prefix(120)))" }
            if let baseline, baseline.tally(name) != tally(name) { line += "  [was: \(baseline.tally(name).isEmpty ? "not run" : baseline.tally(name))]" }
            lines.append(line)
        }
        let s = summary
        lines += [
            "",
            String(
                format: "autofix success      %5.1f %%  (target ≥ 70 %%; fix cases; spread %.1f–%.1f %%)", s.successRate * 100, s.successRateSpread[0] * 100,
                s.successRateSpread[1] * 100),
            String(format: "false positives      %5.1f %%  (target < 10 %%; of the PRs opened)", s.falsePositiveRate * 100),
            passes.flatMap { $0 }.contains { $0.expect != "fix" }
                ? String(format: "expected no_fix/skip %5.1f %%", s.expectedOutcomeRate * 100) : "expected no_fix/skip     -",
            "time to fix          " + (s.meanSecondsToFix.map { String(format: "%5.1f s   (target < 300 s; mean over successes)", $0) } ?? "  -"),
            String(
                format: "tokens per run       %7.0f   median prompt %d tokens   cost per run $%.4f  (design: ~4,000 tokens, $0.004 per fix)", s.meanTokens,
                s.medianPromptTokens, s.meanCostUSD),
            "extraction hit@3     \(s.extractionHits)/\(s.extractionCases) cases    localization \(s.localizedCases)/\(s.localizationCases) cases (every line the reference fix changes was in the prompt)",
        ]
        if let baseline {
            lines.append(
                String(
                    format: "baseline (%@): success %.1f %% → %.1f %%, false positives %.1f %% → %.1f %%", baseline.model, baseline.summary.successRate * 100,
                    s.successRate * 100, baseline.summary.falsePositiveRate * 100, s.falsePositiveRate * 100))
        }
        return lines.joined(separator: "\n")
    }

    /// The verdicts as rows of the `eval_results` table.
    public func records(evalID: String, at date: Date) -> [EvalResultRecord] {
        passes.enumerated().flatMap { index, pass in
            pass.map { v in
                EvalResultRecord(
                    evalID: evalID, recordedAt: date, model: model, run: index + 1, caseName: v.name, ecosystem: v.ecosystem, expect: v.expect,
                    judged: v.judged, state: v.state, pullOpened: v.pullOpened, seconds: v.seconds, tokensIn: v.tokensIn, tokensOut: v.tokensOut,
                    costUSD: v.costUSD, extractionHit: v.extractionHit, localized: v.localized)
            }
        }
    }
}
