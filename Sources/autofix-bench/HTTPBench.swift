import Foundation
import Queue
import QueueSQLite

/// (d) `POST /v1/dispatch` throughput under wrk, next to `GET /healthz` on the same server in the same run.
struct HTTPBench {
    let options: BenchOptions
    let directory: URL

    /// Unique run ids per request across wrk's threads, so every 202 is a new row to count.
    static let dispatchScript = """
        local threads = 0
        function setup(thread)
          threads = threads + 1
          thread:set("tid", threads)
        end
        counter = 0
        request = function()
          counter = counter + 1
          local body = string.format('{"event_type":"ci-failure","client_payload":{"repo":"bench/app","run_id":%d,"branch":"main"}}',
            tid * 1000000000 + counter)
          return wrk.format("POST", "/v1/dispatch", {["Content-Type"] = "application/json", ["x-api-key"] = "bench-key"}, body)
        end
        """

    func run() async throws -> BenchRow {
        let database = directory.appendingPathComponent("http.sqlite").path
        let server = Process()
        server.executableURL = URL(fileURLWithPath: options.autofix)
        server.arguments = ["serve", "--port", "0", "--database", database]
        server.environment = ["AUTOFIX_API_KEYS": "bench-key", "AUTOFIX_LOG_LEVEL": "info", "PATH": "/usr/bin:/bin"]
        let output = Pipe()
        server.standardOutput = output
        try server.run()
        defer {
            server.terminate()
            server.waitUntilExit()
        }
        let port = try Self.port(from: output.fileHandleForReading)
        let base = "http://127.0.0.1:\(port)"
        let health = try wrk(["\(base)/healthz"])
        let script = directory.appendingPathComponent("dispatch.lua")
        try Self.dispatchScript.write(to: script, atomically: true, encoding: .utf8)
        let dispatch = try wrk(["-s", script.path, "\(base)/v1/dispatch"])
        server.terminate()
        server.waitUntilExit()
        let rows = try await SQLiteJobStore(configuration: SQLiteStoreConfiguration(path: database)).stats(window: .seconds(60)).countsByState[.queued] ?? 0
        let accepted = dispatch.requests - dispatch.failed
        guard rows >= accepted else { throw BenchError("only \(rows) rows for \(accepted) accepted dispatches") }
        return BenchRow(
            id: "dispatch_requests_per_s",
            title: "(d) POST /v1/dispatch under wrk (\(options.wrkSeconds)s, 64 connections; \(accepted) accepted, \(rows) rows durable)",
            ours: dispatch.rate, baseline: health.rate, unit: "req/s", baselineName: "GET /healthz, same server",
            ratio: dispatch.rate / health.rate, target: "≥ 0.3× baseline", pass: dispatch.rate >= 0.3 * health.rate && dispatch.failed == 0)
    }

    struct WrkResult {
        var rate: Double
        var requests: Int
        var failed: Int
    }

    func wrk(_ arguments: [String]) throws -> WrkResult {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["wrk", "-t2", "-c64", "-d\(options.wrkSeconds)s"] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        do { try process.run() } catch { throw BenchError("wrk is not installed (apt-get install wrk)") }
        let text = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        func number(after label: String) -> Double? {
            guard let line = text.split(separator: "\n").first(where: { $0.contains(label) }) else { return nil }
            return line.split(separator: " ").compactMap { Double($0) }.first
        }
        guard let rate = number(after: "Requests/sec:"),
            let requests = text.split(separator: "\n").first(where: { $0.contains("requests in") })?
                .split(separator: " ").first.flatMap({ Int($0) })
        else {
            throw BenchError("could not read wrk's output: \(text)")
        }
        let failed = Int(number(after: "Non-2xx or 3xx responses:") ?? 0) + Int(number(after: "Socket errors:") ?? 0)
        return WrkResult(rate: rate, requests: requests, failed: failed)
    }

    /// Reads the server's log until it says where it listens.
    static func port(from handle: FileHandle) throws -> Int {
        var text = ""
        while true {
            let data = handle.availableData
            guard !data.isEmpty else { throw BenchError("autofix serve exited before listening: \(text)") }
            text += String(decoding: data, as: UTF8.self)
            if let range = text.range(of: #"serving address=[0-9.]+:([0-9]+)"#, options: .regularExpression) {
                let match = text[range]
                return Int(match.split(separator: ":").last!)!
            }
        }
    }
}
