import Foundation
import Testing

@Suite("systemd notification", .serialized)
struct SystemdNotifyTests {
    @Test func worker_withNotifySocket_sendsReadyWatchdogAndStopping() async throws {
        let env = try ProcessTestEnvironment()
        let socket = try NotifySocket(directory: env.directory)
        let worker = try env.spawn(["worker"], extra: ["NOTIFY_SOCKET": socket.path, "WATCHDOG_USEC": "200000"])
        var seen: [String] = []
        try await socket.waitFor("READY=1", into: &seen)
        try await socket.waitFor("WATCHDOG=1", into: &seen)
        worker.signal(SIGTERM)
        try await socket.waitFor("STOPPING=1", into: &seen)
        #expect(try await worker.waitForExit() == 0)
        #expect(seen.firstIndex { $0.contains("READY=1") }! < seen.firstIndex { $0.contains("STOPPING=1") }!)
    }

    @Test func worker_logFormatJSON_writesOneObjectPerLineWithJobID() async throws {
        let env = try ProcessTestEnvironment()
        try await env.withStore { store in
            let job = try await store.enqueue(.init(kind: "noop")).job
            let worker = try env.spawn(["worker", "--log-format", "json", "--exit-when-idle"])
            #expect(try await worker.waitForExit() == 0)
            let lines = worker.stdout.split(separator: "\n")
            #expect(!lines.isEmpty)
            for line in lines {
                let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
                #expect(object?["msg"] != nil, "not a JSON log line: \(line)")
            }
            #expect(lines.contains { $0.contains(#""msg":"job finished""#) && $0.contains(#""job":"\#(job.id)""#) })
        }
    }
}
