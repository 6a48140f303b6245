import Foundation
import Testing

@Suite("bad input", .serialized)
struct BadInputTests {
    /// Each case: arguments, and the exit code it must end with.
    static let cases: [(name: String, arguments: [String], status: Int32)] = [
        ("missing repo", ["enqueue", "--run-id", "5"], 2),
        ("repo without owner", ["enqueue", "--repo", "octo", "--run-id", "5"], 2),
        ("repo with spaces", ["enqueue", "--repo", "octo cat/app", "--run-id", "5"], 2),
        ("repo with three parts", ["enqueue", "--repo", "a/b/c", "--run-id", "5"], 2),
        ("non-numeric run id", ["enqueue", "--repo", "octo/app", "--run-id", "12abc"], 2),
        ("negative run id", ["enqueue", "--repo", "octo/app", "--run-id", "-3"], 2),
        ("bad head sha", ["enqueue", "--repo", "octo/app", "--run-id", "5", "--head-sha", "xyz"], 2),
        ("unknown option", ["enqueue", "--repo", "octo/app", "--run-id", "5", "--colour", "red"], 2),
        ("unknown job id", ["show", "424242"], 1),
        ("malformed job id", ["cancel", "abc"], 2),
        ("retry unknown job", ["retry", "424242"], 1),
        ("bad state filter", ["jobs", "--state", "exploded"], 2),
        ("bad retention", ["prune", "--older-than", "soon"], 2),
    ]

    @Test func badInput_printsOneErrorLineExitsNonZeroAndLeavesDatabaseUnchanged() async throws {
        let env = try ProcessTestEnvironment()
        #expect(try await env.run(["enqueue", "--repo", "octo/app", "--run-id", "1"]).status == 0)
        let before = try await env.fingerprint()
        for testCase in Self.cases {
            let result = try await env.run(testCase.arguments)
            #expect(result.status == testCase.status, "\(testCase.name): exit \(result.status), stderr \(result.stderr)")
            let lines = result.stderr.split(separator: "\n")
            #expect(lines.count == 1, "\(testCase.name): one line on stderr, got \(result.stderr)")
            #expect(lines.first?.hasPrefix("autofix: error: ") == true, "\(testCase.name)")
            #expect(result.stdout.isEmpty, "\(testCase.name): nothing on stdout")
        }
        #expect(try await env.fingerprint() == before)
    }

    @Test func badInput_malformedPayloadOnStdin_isRefused() async throws {
        let env = try ProcessTestEnvironment()
        #expect(try await env.run(["enqueue", "--repo", "octo/app", "--run-id", "1"]).status == 0)
        let before = try await env.fingerprint()
        for payload in [#"{"run_id": 5"#, #"["octo/app"]"#, #"{"repo":"octo/app","run_id":true}"#, ""] {
            let result = try await env.run(["enqueue", "--payload", "-"], stdin: Data(payload.utf8))
            #expect(result.status == 2, "payload \(payload): \(result.stderr)")
            #expect(result.stderr.split(separator: "\n").count == 1)
        }
        #expect(try await env.fingerprint() == before)
    }

    @Test func badInput_unwritableDatabasePath_failsWithOneLine() async throws {
        let env = try ProcessTestEnvironment()
        #expect(try await env.run(["enqueue", "--repo", "octo/app", "--run-id", "1"]).status == 0)
        let before = try await env.fingerprint()
        let blocker = env.directory.appendingPathComponent("not-a-directory")
        #expect(FileManager.default.createFile(atPath: blocker.path, contents: Data("x".utf8)))
        let result = try await env.run([
            "enqueue", "--database", blocker.appendingPathComponent("db.sqlite").path, "--repo", "octo/app", "--run-id", "2",
        ])
        #expect(result.status != 0)
        #expect(result.stderr.split(separator: "\n").count == 1)
        #expect(result.stderr.contains("cannot create database directory"))
        #expect(try await env.fingerprint() == before)
    }

    @Test func enqueue_payloadOnStdin_recordsTheSeedFields() async throws {
        let env = try ProcessTestEnvironment()
        let payload =
            #"{"repo":"octo/app","run_id":"987","run_url":"https://github.com/octo/app/actions/runs/987","branch":"main","sha":"0123456789abcdef0123456789abcdef01234567"}"#
        let result = try await env.run(["enqueue", "--payload", "-", "--json"], stdin: Data(payload.utf8))
        #expect(result.status == 0, "\(result.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(object["id"] as? Int == 1)
        #expect(object["dedupe_key"] as? String == "octo/app#987#1")
        let again = try await env.run(["enqueue", "--repo", "octo/app", "--run-id", "987"])
        #expect(again.stdout == "1\n", "the same run returns the same job")
        let listed = try await env.run(["jobs", "--json"])
        let array = try #require(try JSONSerialization.jsonObject(with: Data(listed.stdout.utf8)) as? [[String: Any]])
        #expect(array.count == 1)
        #expect((array.first?["payload"] as? [String: Any])?["branch"] as? String == "main")
    }
}

@Suite("networked commands", .serialized)
struct NetworkedCommandTests {
    @Test func dispatch_runsInTheNetworkBinaryAndExplainsAMissingToken() async throws {
        let env = try ProcessTestEnvironment()
        let result = try await env.run(["dispatch", "--repo", "octo/app", "--event-type", "ci-failure"])
        #expect(result.status == 2, "\(result.stderr)")
        #expect(result.stderr == "autofix: error: no GitHub token: set AUTOFIX_GITHUB_TOKEN, github.token, or the github-token credential\n")
        let bad = try await env.run(["dispatch", "--repo", "octo", "--event-type", "x"])
        #expect(bad.status == 2)
        #expect(bad.stderr.hasPrefix("autofix: error: invalid repo"))
    }
}

@Suite("log extraction commands", .serialized)
struct ExtractCommandTests {
    @Test func extract_gzippedLog_printsTheFailingBlockAsJSON() async throws {
        let env = try ProcessTestEnvironment()
        let log = env.directory.appendingPathComponent("job.log")
        try "setup\ncompiling\nsrc/main.c:12:5: error: expected ';' before 'return'\nmake: *** [all] Error 1\n".write(
            to: log, atomically: true, encoding: .utf8)
        let gzip = Process()
        gzip.executableURL = URL(fileURLWithPath: "/bin/gzip")
        gzip.arguments = [log.path]
        try gzip.run()
        gzip.waitUntilExit()
        let result = try await env.run(["extract", log.path + ".gz", "--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let first = try #require((object["blocks"] as? [[String: Any]])?.first)
        // The diagnostic, with the line above it as context.
        #expect((first["start_line"] as? Int ?? 0) <= 3 && (first["end_line"] as? Int ?? 0) >= 3)
        #expect((first["message"] as? String)?.hasPrefix("src/main.c:12:5: error:") == true)
        #expect(object["failure_kind"] as? String == "build")
    }

    @Test func evalExtract_onAFolderWithoutAnIndex_isAUsageError() async throws {
        let env = try ProcessTestEnvironment()
        let result = try await env.run(["eval-extract", env.directory.path])
        #expect(result.status == 2)
        #expect(result.stderr.contains("neither logchunks.jsonl nor index.jsonl"))
    }
}
