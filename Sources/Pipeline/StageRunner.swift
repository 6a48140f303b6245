import Foundation
import LogAnalysis
import Queue

/// Runs one stage at most once per job: a stored checkpoint is returned instead of running it again.
struct StageRunner: Sendable {
    let context: JobContext
    let saved: [String: String]
    let key: CheckpointKey
    /// Stage details go to the run record (the database): redacted like everything else that leaves.
    let redactor: SecretRedactor

    /// What a stage reports beside its output, for the run record.
    struct Report: Sendable {
        var detail: String?
        var tokensIn = 0
        var tokensOut = 0
        var costUSD = 0.0
        var promptVersion: String?
    }

    /// A stored checkpoint whose signature holds; an unsigned or forged one restarts its stage.
    func checkpoint<T: Decodable>(_ stage: StageName, as type: T.Type) throws -> T? {
        guard let stored = saved[stage.rawValue] else { return nil }
        guard let text = key.unseal(stored, job: context.job.id, stage: stage.rawValue) else {
            context.logger.warning(
                "checkpoint signature does not hold; the stage runs again", metadata: ["job": "\(context.job.id)", "stage": "\(stage.rawValue)"])
            return nil
        }
        do {
            return try JSONDecoder().decode(type, from: Data(text.utf8))
        } catch {
            throw PipelineError.corruptCheckpoint(stage: stage.rawValue)
        }
    }

    func run<T: Codable & Sendable>(_ stage: StageName, _ body: (inout Report) async throws -> T) async throws -> T {
        let started = context.clock.now()
        let clockStart = ContinuousClock.now
        if let resumed = try checkpoint(stage, as: T.self) {
            try await context.recordStage(StageRecord(stage: stage.rawValue, startedAt: started, duration: .zero, outcome: "resumed"))
            return resumed
        }
        var report = Report()
        do {
            let value = try await body(&report)
            let data = try JSONEncoder.checkpoint.encode(value)
            let json = String(decoding: data, as: UTF8.self)
            try await context.saveCheckpoint(stage: stage.rawValue, data: key.seal(json, job: context.job.id, stage: stage.rawValue))
            try await context.recordStage(record(stage, started, clockStart, "ok", report))
            return value
        } catch let ended as StageEnd {
            try? await context.recordStage(record(stage, started, clockStart, ended.outcome.state.rawValue, report, detail: ended.reason))
            throw ended
        } catch {
            try? await context.recordStage(record(stage, started, clockStart, "failed", report, detail: "\(error)"))
            throw error
        }
    }

    private func record(_ stage: StageName, _ started: Date, _ clockStart: ContinuousClock.Instant, _ outcome: String, _ report: Report, detail: String? = nil)
        -> StageRecord
    {
        let details = [report.detail, detail].compactMap { $0 }.joined(separator: "; ")
        return StageRecord(
            stage: stage.rawValue, startedAt: started, duration: ContinuousClock.now - clockStart, outcome: outcome,
            detail: details.isEmpty ? nil : redactor.redact(details), tokensIn: report.tokensIn, tokensOut: report.tokensOut,
            costUSD: report.costUSD, promptVersion: report.promptVersion)
    }
}
