import Foundation
import Queue
import Testing

@Suite("metrics endpoint and deployment templates", .serialized)
struct MetricsEndpointTests {
    /// Python's prometheus_client is the reference parser: it rejects malformed exposition.
    static let parser = """
        import sys
        from prometheus_client.parser import text_string_to_metric_families
        for family in text_string_to_metric_families(sys.stdin.read()):
            for sample in family.samples:
                print(family.type, sample.name, ",".join(sorted(sample.labels)))
        """

    @Test func metrics_parseWithPrometheusClientAndHoldTheDocumentedNames() async throws {
        try await TestServer.with { server async throws in
            let job = try await server.store.enqueue(NewJob(kind: "noop"))
            let leased = try #require(try await server.store.claim(ClaimRequest(workerID: "w", kinds: ["noop"], limit: 1, leaseDuration: .seconds(60))).first)
            try await server.store.recordStage(
                leased.lease,
                StageRecord(
                    stage: "generate_patch", startedAt: Date(), duration: .milliseconds(1500), outcome: "ok", tokensIn: 10, tokensOut: 5, costUSD: 0.01))
            try await server.store.complete(leased.lease, outcome: .succeeded())
            _ = job
            _ = try await server.send("GET", "/healthz")
            let metrics = try await server.send("GET", "/metrics")
            #expect(metrics.status == 200)
            let parsed = try ExternalTool.run("python3", ["-c", Self.parser], stdin: Data(metrics.body.utf8))
            #expect(parsed.status == 0, "prometheus_client rejected /metrics: \(parsed.output.suffix(800))")
            let lines = parsed.output.split(separator: "\n").map(String.init)
            for (type, sample, labels) in [
                ("counter", "autofix_jobs_finished_total", "outcome"), ("histogram", "autofix_stage_duration_seconds_bucket", "le,stage"),
                ("gauge", "autofix_queue_depth", "state"), ("gauge", "autofix_oldest_queued_age_seconds", ""),
                ("counter", "autofix_llm_tokens_total", "direction"), ("counter", "autofix_llm_cost_usd_total", ""),
                ("counter", "autofix_http_requests_total", "route,status"),
            ] {
                #expect(lines.contains("\(type) \(sample) \(labels)"), "missing \(type) \(sample){\(labels)}")
            }
        }
    }

    @Test func workflowTemplates_areValidGitHubWorkflows() throws {
        let folder = ExternalTool.repositoryRoot.appendingPathComponent("deploy/github")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".yml") }.sorted()
        #expect(files.count >= 2)
        let paths = files.map { folder.appendingPathComponent($0).path }
        let schema = try ExternalTool.run("check-jsonschema", ["--builtin-schema", "vendor.github-workflows"] + paths)
        #expect(schema.status == 0, "\(schema.output)")
        // actionlint's PyPI package downloads its binary from GitHub at install time, which this
        // network cannot reach; where it is installed, it must pass too.
        if let lint = try? ExternalTool.run("actionlint", ["-version"]), lint.status == 0 {
            let result = try ExternalTool.run("actionlint", paths)
            #expect(result.status == 0, "\(result.output)")
        }
        for text in try paths.map({ try String(contentsOfFile: $0, encoding: .utf8) }) {
            #expect(text.contains("notify-failure") || text.contains("repository_dispatch"))
        }
    }
}
