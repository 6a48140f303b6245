import Foundation

/// The throwaway PostgreSQL server `make test` starts (scripts/test-postgres), named by
/// `AUTOFIX_TEST_POSTGRES`. Each test gets a schema of its own, so tests run in parallel on one server.
public enum PostgresTestServer {
    public static var url: String? {
        ProcessInfo.processInfo.environment["AUTOFIX_TEST_POSTGRES"].flatMap { $0.isEmpty ? nil : $0 }
    }

    /// `make test` sets AUTOFIX_REQUIRE_POSTGRES=1 when it started a server: then a missing URL is a
    /// failure, not a skip, so CI cannot pass without running the PostgreSQL tests.
    public static var isAvailable: Bool {
        url != nil || ProcessInfo.processInfo.environment["AUTOFIX_REQUIRE_POSTGRES"] == "1"
    }

    public struct Unavailable: Error, CustomStringConvertible {
        public var description: String
        public init(description: String) { self.description = description }
    }

    /// A new, empty schema; returns the server's URL selecting it.
    public static func freshSchema() throws -> String {
        guard let url else { throw Unavailable(description: "AUTOFIX_TEST_POSTGRES is not set (make test starts a server)") }
        let schema = "t_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(16).lowercased()
        try psql(url, "CREATE SCHEMA \(schema)")
        return url + (url.contains("?") ? "&" : "?") + "search_path=\(schema)"
    }

    /// Runs SQL with psql against `url` (the search_path parameter becomes `SET search_path`); returns stdout.
    @discardableResult
    public static func psql(_ url: String, _ sql: String) throws -> String {
        var base = url
        var prefix = ""
        if let range = url.range(of: #"[?&]search_path=(\w+)"#, options: .regularExpression) {
            let schema = url[range].split(separator: "=").last.map(String.init) ?? ""
            prefix = "SET search_path TO \(schema); "
            base.removeSubrange(range)
            if !base.contains("?"), let amp = base.firstIndex(of: "&") { base.replaceSubrange(amp...amp, with: "?") }
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["psql", base, "-X", "-q", "-t", "-A", "-v", "ON_ERROR_STOP=1", "-c", prefix + sql]
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        let errors = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw Unavailable(description: "psql failed: \(String(decoding: errors, as: UTF8.self))")
        }
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
