import Core
import Foundation
import PostgresNIO
import Queue

extension PostgresJobStore {
    public func recordFixOpened(_ o: FixOutcome) async throws {
        try await transaction { connection, logger in
            try await connection.run(PostgresStatements.lockFixBranch, ["\(o.repo)#\(o.branch)"], logger: logger)
            try await connection.run(
                PostgresStatements.insertFixOutcome,
                [
                    o.repo, o.pullNumber, o.jobID, o.branch, o.failedAt.millis, o.openedAt.millis, o.updatedAt.millis, o.failureSignature, o.headSHA,
                    o.workflowID,
                ], logger: logger)
            // CI that finished before this record existed, in the order it ran; the same checks as ever apply.
            for row in try await connection.rows(PostgresStatements.fixCIEarlyOfBranch, [o.repo, o.branch], logger: logger) {
                let run: Int64 = try row.value(0)
                let attempt = try row.value(1, Int32.self)
                let sha: String = try row.value(2)
                let workflowID = try row.value(3, Int64?.self)
                let workflow: String = try row.value(4)
                let state: String = try row.value(5)
                let at: Int64 = try row.value(6)
                _ = try await connection.rows(
                    PostgresStatements.fixCICompleted, [state, workflow, at, o.repo, o.branch, run, attempt, sha, workflowID], logger: logger)
            }
            try await connection.run(PostgresStatements.deleteFixCIEarly, [o.repo, o.branch], logger: logger)
        }
    }

    public func applyFixEvent(_ event: FixEvent) async throws -> Bool {
        try await transaction { connection, logger in
            let changed: [PostgresRandomAccessRow]
            switch event {
            case .ciCompleted(let repo, let branch, let workflow, let conclusion, let run, let attempt, let sha, let workflowID, let at):
                guard let state = FixOutcome.CIState(conclusion: conclusion) else { return false }
                try await connection.run(PostgresStatements.lockFixBranch, ["\(repo)#\(branch)"], logger: logger)
                changed = try await connection.rows(
                    PostgresStatements.fixCICompleted, [state.rawValue, workflow, at.millis, repo, branch, run, Int32(attempt), sha, workflowID],
                    logger: logger)
                if changed.isEmpty {
                    // No record for the branch yet (CI beat the pipeline to it): kept for when it is written.
                    try await connection.run(
                        PostgresStatements.fixCIEarly, [repo, branch, run, Int32(attempt), sha, workflowID, workflow, state.rawValue, at.millis],
                        logger: logger)
                }
            case .followUpStarted(let repo, let number, let run, let max, let at):
                changed = try await connection.rows(PostgresStatements.fixFollowUpStarted, [at.millis, repo, number, max, run], logger: logger)
            case .followUpPushed(let repo, let number, let sha, let at):
                changed = try await connection.rows(PostgresStatements.fixFollowUpPushed, [sha, at.millis, repo, number], logger: logger)
            case .markedFailed(let repo, let number, let closeAfter, let at):
                changed = try await connection.rows(PostgresStatements.fixMarkedFailed, [closeAfter.millis, at.millis, repo, number], logger: logger)
            case .closed(let repo, let number, let merged, let byBot, let at):
                let state: FixOutcome.PullState = merged ? .merged : .closedUnmerged
                changed = try await connection.rows(
                    PostgresStatements.fixClosed, [state.rawValue, byBot ? "bot" : "maintainer", at.millis, repo, number],
                    logger: logger)
            case .reopened(let repo, let number, let at):
                changed = try await connection.rows(PostgresStatements.fixReopened, [at.millis, repo, number], logger: logger)
            case .reviewed(let repo, let number, let state, let at):
                changed = try await connection.rows(
                    PostgresStatements.fixReviewed, [state, at.millis, repo, number], logger: logger)
            }
            return !changed.isEmpty
        }
    }

    public func fixOutcomes(_ filter: FixOutcomeFilter) async throws -> [FixOutcome] {
        try await read { connection, logger in
            try await connection.rows(
                PostgresStatements.fixOutcomes,
                [
                    filter.repo, filter.openedSince?.millis, filter.jobID, filter.failureSignature, filter.limit, filter.pullNumber.map(Int32.init),
                    filter.branch, filter.openOnly,
                ], logger: logger
            ).map { row in
                FixOutcome(
                    repo: try row.value(0), pullNumber: Int(try row.value(1, Int32.self)), jobID: try row.value(2),
                    branch: try row.value(3), failedAt: Date(millis: try row.value(4)), openedAt: Date(millis: try row.value(5)),
                    ci: FixOutcome.CIState(rawValue: try row.value(6)) ?? .pending, ciRuns: Int(try row.value(7, Int32.self)),
                    ciWorkflow: try row.value(8), firstGreenAt: try row.value(9, Int64?.self).map(Date.init(millis:)), review: try row.value(10),
                    pull: FixOutcome.PullState(rawValue: try row.value(11)) ?? .open, closedBy: try row.value(12),
                    closedAt: try row.value(13, Int64?.self).map(Date.init(millis:)), updatedAt: Date(millis: try row.value(14)),
                    failureSignature: try row.value(15), headSHA: try row.value(20), workflowID: try row.value(21), ciRunID: try row.value(16),
                    ciRunAttempt: try row.value(17, Int32?.self).map(Int.init),
                    followUps: Int(try row.value(18, Int32.self)), closeAfter: try row.value(19, Int64?.self).map(Date.init(millis:)))
            }
        }
    }
}
