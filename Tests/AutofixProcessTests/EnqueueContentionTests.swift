import Foundation
import Queue
import TestSupport
import Testing

@Suite("enqueue under contention", .serialized)
struct EnqueueContentionTests {
    /// Four shell loops run `autofix enqueue` 500 times each while a worker drains. Two loops
    /// enqueue the same runs, so they race on every dedupe key.
    @Test(arguments: StoreKind.available) func contention_fourEnqueuersWhileWorkerDrains_noErrorsNoDuplicatesEveryJobProcessed(_ store: StoreKind) async throws
    {
        let perProcess = Int(ProcessInfo.processInfo.environment["AUTOFIX_CONTENTION_ENQUEUES"] ?? "") ?? 500
        let env = try ProcessTestEnvironment(store: store, extra: ["AUTOFIX_WORKER_CONCURRENCY": "4"])
        #expect(try await env.run(["migrate"]).status == 0)
        let worker = try env.spawn(["worker"])

        let repos = ["o/shared", "o/shared", "o/second", "o/third"]
        var loops: [Process] = []
        for (index, repo) in repos.enumerated() {
            let script = """
                for i in $(seq 1 \(perProcess)); do
                  out=$("$AUTOFIX" enqueue --kind diag.record --repo \(repo) --run-id "$i" --job-payload "$PAYLOAD" 2>>errors.\(index)) \
                    && echo "$i $out" >> ids.\(index) || echo "exit $? at $i" >> errors.\(index)
                done
                """
            let loop = Process()
            loop.executableURL = URL(fileURLWithPath: "/bin/bash")
            loop.arguments = ["-c", script]
            loop.currentDirectoryURL = env.directory
            loop.environment = env.environment.merging([
                "AUTOFIX": AutofixProcess.binary.path, "PAYLOAD": env.recordPayload(holdMs: 0),
            ]) { $1 }
            try loop.run()
            loops.append(loop)
        }
        try await Poll.until(timeout: .seconds(600), "all enqueue loops finish", every: .milliseconds(100)) {
            loops.allSatisfy { !$0.isRunning }
        }
        #expect(loops.allSatisfy { $0.terminationStatus == 0 })

        try await env.withStore { store in
            try await Poll.until(timeout: .seconds(120), "the worker drains the queue") {
                try await store.pendingCount(kinds: ["diag.record"]) == 0
            }
            worker.signal(SIGTERM)
            #expect(try await worker.waitForExit() == 0)

            for index in repos.indices {
                let errors = (try? String(contentsOf: env.directory.appendingPathComponent("errors.\(index)"), encoding: .utf8)) ?? ""
                #expect(errors.isEmpty, "enqueue loop \(index) reported: \(errors.prefix(500))")
            }
            func ids(_ index: Int) throws -> [Int: Int64] {
                let text = try String(contentsOf: env.directory.appendingPathComponent("ids.\(index)"), encoding: .utf8)
                return Dictionary(
                    uniqueKeysWithValues: text.split(separator: "\n").map { line in
                        let parts = line.split(separator: " ")
                        return (Int(parts[0])!, Int64(parts[1])!)
                    })
            }
            let (shared1, shared2) = (try ids(0), try ids(1))
            #expect(shared1.count == perProcess && shared2.count == perProcess)
            #expect(shared1 == shared2, "racing enqueues of one run get one job id")

            let jobs = try await store.jobs(JobFilter(limit: 1_000_000))
            #expect(jobs.count == 3 * perProcess)
            #expect(Set(jobs.compactMap(\.dedupeKey)).count == jobs.count, "no duplicate jobs")
            #expect(jobs.allSatisfy { $0.state == .succeeded }, "every job processed")
            let done = env.executions().filter { $0.event == "done" }.map(\.job)
            #expect(done.count == jobs.count && Set(done).count == jobs.count, "every job ran exactly once")
        }
    }
}
