import App
import AutofixCLI
import Intake
import Queue
import QueueSQLite

/// `autofix enqueue` runs once per failed CI run, from a workflow, and its start-up time is
/// the intake's latency. ArgumentParser's reflection costs about half of that start-up in a
/// static binary (every first conformance lookup scans the whole binary), so the common shape
/// `enqueue --name value ...` is read here directly. Anything else (help, `--payload`, an unknown
/// or repeated option, a missing value) returns nil and goes through ArgumentParser as usual.
enum EnqueueFastPath {
    struct Invocation {
        var config: String?
        var database: String?
        var request = EnqueueRequest()
        var kind: String?
        var jobPayload: String?
        var json = false
    }

    static func parse(_ arguments: [String]) -> Invocation? {
        guard arguments.first == "enqueue" else { return nil }
        var invocation = Invocation()
        var seen: Set<String> = []
        var index = 1
        while index < arguments.count {
            let argument = arguments[index]
            if argument == "--json" {
                guard seen.insert(argument).inserted else { return nil }
                invocation.json = true
                index += 1
                continue
            }
            let name: String
            let value: String
            if let equals = argument.firstIndex(of: "="), argument.hasPrefix("--") {
                name = String(argument[..<equals])
                value = String(argument[argument.index(after: equals)...])
                index += 1
            } else {
                guard index + 1 < arguments.count, !arguments[index + 1].hasPrefix("-") else { return nil }
                name = argument
                value = arguments[index + 1]
                index += 2
            }
            guard seen.insert(name).inserted else { return nil }
            switch name {
            case "--config": invocation.config = value
            case "--database": invocation.database = value
            case "--repo": invocation.request.repo = value
            case "--run-id": invocation.request.runID = value
            case "--run-attempt": invocation.request.runAttempt = value
            case "--workflow": invocation.request.workflow = value
            case "--head-sha": invocation.request.headSHA = value
            case "--branch": invocation.request.branch = value
            case "--run-url": invocation.request.runURL = value
            case "--priority": invocation.request.priority = value
            case "--kind": invocation.kind = value
            case "--job-payload": invocation.jobPayload = value
            default: return nil
            }
        }
        return invocation
    }

    static func run(_ invocation: Invocation) async throws {
        let app = try GlobalOptions.makeApp(config: invocation.config, database: invocation.database)
        let maxAttempts = app.configuration.maxAttempts
        let job =
            try invocation.kind.map { try invocation.request.newJob(kind: $0, payload: invocation.jobPayload, maxAttempts: maxAttempts) }
            ?? invocation.request.newJob(maxAttempts: maxAttempts)
        if !invocation.json, !app.usesPostgres, let receipt = try SQLiteIntake.enqueue(job, configuration: app.intakeStoreConfiguration) {
            printLine("\(receipt.id)")
            return
        }
        // A new or not yet migrated database, JSON output wanted, or PostgreSQL: the full store path.
        try await EnqueueCommand.store(job, app: app, json: invocation.json)
    }
}
