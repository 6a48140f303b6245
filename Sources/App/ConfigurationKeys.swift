import Foundation
import Logging
import Queue

/// Every configuration key, with how its text value is checked and applied.
enum ConfigurationKeys {
    typealias Setter = @Sendable (inout AutofixConfiguration, String, String) throws -> Void

    static let all: [String: Setter] = [
        "database": { c, v, s in c.database = try nonEmpty(v, "database", s) },
        "busy_timeout": { c, v, s in c.busyTimeout = try duration(v, "busy_timeout", s, min: .milliseconds(1)) },
        "worker.id": { c, v, s in c.worker.workerID = try nonEmpty(v, "worker.id", s) },
        "worker.concurrency": { c, v, s in c.worker.concurrency = try int(v, "worker.concurrency", s, 1...256) },
        "worker.lease": { c, v, s in c.worker.leaseDuration = try duration(v, "worker.lease", s, min: .milliseconds(300)) },
        "worker.poll_interval": { c, v, s in c.worker.pollInterval = try duration(v, "worker.poll_interval", s, min: .milliseconds(1)) },
        "worker.rescue_interval": { c, v, s in c.worker.rescueInterval = try duration(v, "worker.rescue_interval", s, min: .milliseconds(10)) },
        "worker.drain_timeout": { c, v, s in c.worker.drainTimeout = try duration(v, "worker.drain_timeout", s, min: .zero) },
        "worker.per_repo_limit": { c, v, s in c.worker.perRepositoryLimit = try int(v, "worker.per_repo_limit", s, 0...1000) },
        "worker.metrics_file": { c, v, s in c.worker.metricsFile = try nonEmpty(v, "worker.metrics_file", s) },
        "jobs.max_attempts": { c, v, s in c.maxAttempts = try int(v, "jobs.max_attempts", s, 1...100) },
        "retry.base": { c, v, s in c.retry.base = try duration(v, "retry.base", s, min: .milliseconds(1)) },
        "retry.cap": { c, v, s in c.retry.cap = try duration(v, "retry.cap", s, min: .milliseconds(1)) },
        "log.format": { c, v, s in
            guard let format = AutofixConfiguration.LogFormat(rawValue: v.lowercased()) else {
                throw ConfigurationError.invalidValue(key: "log.format", value: v, expected: "text or json", source: s)
            }
            c.logFormat = format
        },
        "log.level": { c, v, s in
            guard Logger.Level(rawValue: v.lowercased()) != nil else {
                throw ConfigurationError.invalidValue(key: "log.level", value: v, expected: "trace, debug, info, notice, warning, error or critical", source: s)
            }
            c.logLevel = v.lowercased()
        },
        "diagnostic_kinds": { c, v, s in c.diagnosticKinds = try bool(v, "diagnostic_kinds", s) },
        "serve.host": { c, v, s in c.http.host = try nonEmpty(v, "serve.host", s) },
        "serve.port": { c, v, s in c.http.port = try int(v, "serve.port", s, 0...65535) },
        "serve.max_body": { c, v, s in c.http.maxBodyBytes = try int(v, "serve.max_body", s, 1024...(64 << 20)) },
        "serve.idle_timeout": { c, v, s in c.http.idleTimeout = try duration(v, "serve.idle_timeout", s, min: .seconds(1)) },
        "api_keys": { c, v, _ in c.http.apiKeys = keyList(v) },
        "operator_keys": { c, v, _ in c.http.operatorKeys = keyList(v) },
        "github.api_url": { c, v, s in
            guard let url = URL(string: v), url.scheme == "https" || url.scheme == "http", url.host != nil else {
                throw ConfigurationError.invalidValue(key: "github.api_url", value: v, expected: "an http(s) URL", source: s)
            }
            c.github.apiURL = url
        },
        "github.token": { c, v, _ in c.github.token = v.trimmingCharacters(in: .whitespacesAndNewlines) },
        "webhook_secret": { c, v, _ in c.http.webhookSecret = v.trimmingCharacters(in: .whitespacesAndNewlines) },
    ]

    /// Secrets that systemd may pass as credential files, by key.
    static let credentials = [
        "api_keys": "api-keys", "operator_keys": "operator-keys", "webhook_secret": "webhook-secret", "github.token": "github-token",
    ]

    static func keyList(_ value: String) -> [String] {
        value.split(whereSeparator: { $0 == "," || $0.isNewline }).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    static func nonEmpty(_ value: String, _ key: String, _ source: String) throws -> String {
        guard !value.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw ConfigurationError.invalidValue(key: key, value: value, expected: "a non-empty value", source: source)
        }
        return value
    }

    static func int(_ value: String, _ key: String, _ source: String, _ range: ClosedRange<Int>) throws -> Int {
        guard let number = Int(value.trimmingCharacters(in: .whitespaces)), range.contains(number) else {
            throw ConfigurationError.invalidValue(key: key, value: value, expected: "an integer from \(range.lowerBound) to \(range.upperBound)", source: source)
        }
        return number
    }

    static func duration(_ value: String, _ key: String, _ source: String, min: Duration) throws -> Duration {
        guard let duration = DurationText.parse(value), duration >= min else {
            throw ConfigurationError.invalidValue(key: key, value: value, expected: "a duration like 500ms, 30s, 5m (at least \(min))", source: source)
        }
        return duration
    }

    static func bool(_ value: String, _ key: String, _ source: String) throws -> Bool {
        switch value.lowercased() {
        case "1", "true", "yes", "on": return true
        case "0", "false", "no", "off": return false
        default: throw ConfigurationError.invalidValue(key: key, value: value, expected: "true or false", source: source)
        }
    }
}
