import Core
import Foundation
import GRDB
import Queue

extension SQLiteJobStore {
    public func recordFixOpened(_ o: FixOutcome) async throws {
        try await write { db in
            try db.execute(
                sql: SQLiteStatements.insertFixOutcome,
                arguments: [
                    o.repo, o.pullNumber, o.jobID, o.branch, o.failedAt.millis, o.openedAt.millis, o.updatedAt.millis, o.failureSignature, o.headSHA,
                    o.workflowID,
                ])
            // CI that finished before this record existed, in the order it ran; the same checks as ever apply.
            for row in try Row.fetchAll(db, sql: SQLiteStatements.fixCIEarlyOfBranch, arguments: [o.repo, o.branch]) {
                try db.execute(
                    sql: SQLiteStatements.fixCICompleted,
                    arguments: [
                        "state": row[5] as String, "workflow": row[4] as String, "at": row[6] as Int64, "repo": o.repo, "branch": o.branch,
                        "run": row[0] as Int64, "attempt": row[1] as Int, "sha": row[2] as String, "workflowID": row[3] as Int64?,
                    ])
            }
            try db.execute(sql: SQLiteStatements.deleteFixCIEarly, arguments: [o.repo, o.branch])
        }
    }

    public func applyFixEvent(_ event: FixEvent) async throws -> Bool {
        try await write { db in
            switch event {
            case .ciCompleted(let repo, let branch, let workflow, let conclusion, let run, let attempt, let sha, let workflowID, let at):
                guard let state = FixOutcome.CIState(conclusion: conclusion) else { return false }
                let arguments: StatementArguments = [
                    "state": state.rawValue, "workflow": workflow, "at": at.millis, "repo": repo, "branch": branch, "run": run, "attempt": attempt,
                    "sha": sha, "workflowID": workflowID,
                ]
                try db.execute(sql: SQLiteStatements.fixCICompleted, arguments: arguments)
                if db.changesCount == 0 {
                    // No record for the branch yet (CI beat the pipeline to it): kept for when it is written.
                    try db.execute(sql: SQLiteStatements.fixCIEarly, arguments: arguments)
                    return false
                }
            case .followUpStarted(let repo, let number, let run, let max, let at):
                try db.execute(
                    sql: SQLiteStatements.fixFollowUpStarted, arguments: ["at": at.millis, "repo": repo, "number": number, "run": run, "max": max])
            case .followUpPushed(let repo, let number, let sha, let at):
                try db.execute(sql: SQLiteStatements.fixFollowUpPushed, arguments: ["sha": sha, "at": at.millis, "repo": repo, "number": number])
            case .markedFailed(let repo, let number, let closeAfter, let at):
                try db.execute(
                    sql: SQLiteStatements.fixMarkedFailed, arguments: ["closeAfter": closeAfter.millis, "at": at.millis, "repo": repo, "number": number])
            case .closed(let repo, let number, let merged, let byBot, let at):
                let state: FixOutcome.PullState = merged ? .merged : .closedUnmerged
                try db.execute(
                    sql: SQLiteStatements.fixClosed, arguments: [state.rawValue, byBot ? "bot" : "maintainer", at.millis, at.millis, repo, number])
            case .reopened(let repo, let number, let at):
                try db.execute(sql: SQLiteStatements.fixReopened, arguments: [at.millis, repo, number])
            case .reviewed(let repo, let number, let state, let at):
                try db.execute(sql: SQLiteStatements.fixReviewed, arguments: [state, at.millis, repo, number])
            }
            return db.changesCount > 0
        }
    }

    public func fixOutcomes(_ filter: FixOutcomeFilter) async throws -> [FixOutcome] {
        try await pool.read { db in
            try Row.fetchAll(
                db, sql: SQLiteStatements.fixOutcomes,
                arguments: [
                    "repo": filter.repo, "since": filter.openedSince?.millis, "job": filter.jobID, "signature": filter.failureSignature,
                    "number": filter.pullNumber, "branch": filter.branch, "openOnly": filter.openOnly, "limit": filter.limit,
                ]
            ).map { row in
                FixOutcome(
                    repo: row[0], pullNumber: row[1], jobID: row[2], branch: row[3], failedAt: Date(millis: row[4]), openedAt: Date(millis: row[5]),
                    ci: FixOutcome.CIState(rawValue: row[6]) ?? .pending, ciRuns: row[7], ciWorkflow: row[8],
                    firstGreenAt: (row[9] as Int64?).map(Date.init(millis:)), review: row[10],
                    pull: FixOutcome.PullState(rawValue: row[11]) ?? .open, closedBy: row[12], closedAt: (row[13] as Int64?).map(Date.init(millis:)),
                    updatedAt: Date(millis: row[14]), failureSignature: row[15], headSHA: row[20], workflowID: row[21], ciRunID: row[16],
                    ciRunAttempt: row[17], followUps: row[18], closeAfter: (row[19] as Int64?).map(Date.init(millis:)))
            }
        }
    }
}
