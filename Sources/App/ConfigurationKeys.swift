import FeatureConfiguration
import Foundation
import Logging
import Queue

/// Every configuration key, with how its text value is checked and applied.
enum ConfigurationKeys {
    typealias Setter = @Sendable (inout AutofixConfiguration, String, String) throws -> Void

    static let all: [String: Setter] = [
        "database": { c, v, s in c.database = try nonEmpty(v, "database", s) },
        "database_password": { c, v, s in c.databasePassword = v.trimmingCharacters(in: .whitespacesAndNewlines) },
        "database_max_connections": { c, v, s in c.databaseMaxConnections = try int(v, "database_max_connections", s, 2...500) },
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
        "github.max_retry_wait": { c, v, s in c.github.maxRetryWait = try duration(v, "github.max_retry_wait", s, min: .zero) },
        "github.app_id": { c, v, s in c.github.appID = try nonEmpty(v, "github.app_id", s).trimmingCharacters(in: .whitespacesAndNewlines) },
        "github.installation_id": { c, v, s in c.github.installationID = Int64(try int(v, "github.installation_id", s, 1...Int.max)) },
        "github.app_private_key": { c, v, _ in
            // Environment variables often carry a PEM with literal `\n` escapes for its line breaks.
            c.github.appPrivateKey = !v.contains("\n") && v.contains("\\n") ? v.replacingOccurrences(of: "\\n", with: "\n") : v
        },
        "github.git_url": { c, v, s in
            guard v.contains("{repo}") else {
                throw ConfigurationError.invalidValue(key: "github.git_url", value: v, expected: "a git URL or path containing {repo}", source: s)
            }
            c.github.gitURL = v
        },
        "github.mirror_partial": { c, v, s in c.github.mirror.partial = try bool(v, "github.mirror_partial", s) },
        "github.mirror_depth": { c, v, s in c.github.mirror.depth = try int(v, "github.mirror_depth", s, 0...Int.max) },
        "llm.provider": { c, v, s in
            guard let provider = LLMConfiguration.Provider(rawValue: v.lowercased()) else {
                throw ConfigurationError.invalidValue(key: "llm.provider", value: v, expected: "openai, azure or anthropic", source: s)
            }
            c.llm.provider = provider
        },
        "llm.base_url": { c, v, s in c.llm.baseURL = try url(v, "llm.base_url", s) },
        "llm.model": { c, v, s in c.llm.model = try nonEmpty(v, "llm.model", s) },
        "llm.api_key": { c, v, _ in
            let key = v.trimmingCharacters(in: .whitespacesAndNewlines)
            c.llm.apiKey = key.isEmpty ? nil : key
        },
        "llm.timeout": { c, v, s in c.llm.timeout = try duration(v, "llm.timeout", s, min: .seconds(1)) },
        "llm.max_attempts": { c, v, s in c.llm.maxAttempts = try int(v, "llm.max_attempts", s, 1...20) },
        "llm.max_tokens": { c, v, s in c.llm.maxTokens = try int(v, "llm.max_tokens", s, 256...200_000) },
        "llm.temperature": { c, v, s in
            if ["", "none", "default"].contains(v.lowercased().trimmingCharacters(in: .whitespaces)) {
                c.llm.temperature = nil
                return
            }
            guard let value = Double(v.trimmingCharacters(in: .whitespaces)), (0...2).contains(value) else {
                throw ConfigurationError.invalidValue(key: "llm.temperature", value: v, expected: "a number from 0 to 2, or none", source: s)
            }
            c.llm.temperature = value
        },
        "llm.reasoning_parameters": { c, v, s in c.llm.reasoningParameters = try bool(v, "llm.reasoning_parameters", s) },
        "llm.api_version": { c, v, s in c.llm.azureAPIVersion = try nonEmpty(v, "llm.api_version", s) },
        "llm.prices": { c, v, s in
            guard let prices = PriceTable.parse(v) else {
                throw ConfigurationError.invalidValue(key: "llm.prices", value: v, expected: "model=IN/OUT USD per million tokens, comma separated", source: s)
            }
            c.llm.prices = prices
        },
        "pipeline.only_test_failures": { c, v, s in c.pipeline.onlyTestFailures = try bool(v, "pipeline.only_test_failures", s) },
        "pipeline.localization": { c, v, s in
            guard let value = Localization(rawValue: v.trimmingCharacters(in: .whitespaces).lowercased()) else {
                throw ConfigurationError.invalidValue(key: "pipeline.localization", value: v, expected: "heuristic or model", source: s)
            }
            c.pipeline.localization = value
        },
        "pipeline.context_tokens": { c, v, s in c.pipeline.contextTokens = try int(v, "pipeline.context_tokens", s, 500...200_000) },
        "pipeline.max_open_prs": { c, v, s in c.pipeline.maxOpenPulls = try int(v, "pipeline.max_open_prs", s, 1...1000) },
        "pipeline.correction_rounds": { c, v, s in c.pipeline.correctionRounds = try int(v, "pipeline.correction_rounds", s, 0...10) },
        "pipeline.max_changed_lines": { c, v, s in c.pipeline.maxChangedLines = try int(v, "pipeline.max_changed_lines", s, 1...100) },
        "pipeline.test_command": { c, v, s in c.pipeline.testCommand = try nonEmpty(v, "pipeline.test_command", s) },
        "pipeline.retry_closed_after": { c, v, s in c.pipeline.retryClosedAfter = try duration(v, "pipeline.retry_closed_after", s, min: .zero) },
        "outcomes.follow_up_rounds": { c, v, s in c.outcomes.followUpRounds = try int(v, "outcomes.follow_up_rounds", s, 0...5) },
        "outcomes.comment_on_green": { c, v, s in c.outcomes.commentOnGreen = try bool(v, "outcomes.comment_on_green", s) },
        "outcomes.close_red_after": { c, v, s in c.outcomes.closeRedAfter = try duration(v, "outcomes.close_red_after", s, min: .zero) },
        "outcomes.failed_label": { c, v, s in c.outcomes.failedLabel = try nonEmpty(v, "outcomes.failed_label", s) },
        "outcomes.poll_interval": { c, v, s in c.outcomes.pollInterval = try duration(v, "outcomes.poll_interval", s, min: .zero) },
        "outcomes.poll_max_pulls": { c, v, s in c.outcomes.pollMaxPulls = try int(v, "outcomes.poll_max_pulls", s, 1...1000) },
        "pipeline.test_timeout": { c, v, s in c.pipeline.testTimeout = try duration(v, "pipeline.test_timeout", s, min: .seconds(1)) },
        "pipeline.bot_name": { c, v, s in c.pipeline.botName = try nonEmpty(v, "pipeline.bot_name", s) },
        "pipeline.bot_email": { c, v, s in c.pipeline.botEmail = try nonEmpty(v, "pipeline.bot_email", s) },
        "pipeline.work_dir": { c, v, s in c.pipeline.workDirectory = try nonEmpty(v, "pipeline.work_dir", s) },
        "pipeline.max_log_bytes": { c, v, s in c.pipeline.maxLogBytes = try int(v, "pipeline.max_log_bytes", s, 1024...(1 << 30)) },
        "pipeline.search_scope_files": { c, v, s in c.pipeline.searchScopeFiles = try int(v, "pipeline.search_scope_files", s, 1...Int.max) },
        "pipeline.passing_log_diff": { c, v, s in c.pipeline.passingLogDiff = try bool(v, "pipeline.passing_log_diff", s) },
        "pipeline.skip_forks": { c, v, s in c.pipeline.skipForks = try bool(v, "pipeline.skip_forks", s) },
        "pipeline.ready_when_drafts_unavailable": { c, v, s in c.pipeline.readyWhenDraftsUnavailable = try bool(v, "pipeline.ready_when_drafts_unavailable", s)
        },
        "pipeline.protected_paths": { c, v, _ in c.pipeline.extraProtectedPaths = keyList(v) },
        "sandbox.bwrap": { c, v, s in c.pipeline.sandbox.bwrap = try nonEmpty(v, "sandbox.bwrap", s) },
        "sandbox.required": { c, v, s in c.pipeline.sandbox.required = try bool(v, "sandbox.required", s) },
        "sandbox.overlay": { c, v, s in c.pipeline.sandbox.overlay = try bool(v, "sandbox.overlay", s) },
        "sandbox.kept_checkouts": { c, v, s in c.pipeline.sandbox.keptCheckouts = try int(v, "sandbox.kept_checkouts", s, 0...64) },
        "sandbox.toolchain_paths": { c, v, s in
            let paths = keyList(v)
            guard paths.allSatisfy({ $0.hasPrefix("/") }) else {
                throw ConfigurationError.invalidValue(key: "sandbox.toolchain_paths", value: v, expected: "absolute paths, comma separated", source: s)
            }
            c.pipeline.sandbox.toolchainPaths = paths
        },
        "sandbox.memory": { c, v, s in c.pipeline.sandbox.memoryBytes = try bytes(v, "sandbox.memory", s, min: 64 << 20) },
        "sandbox.max_processes": { c, v, s in c.pipeline.sandbox.maxProcesses = try int(v, "sandbox.max_processes", s, 16...100_000) },
        "sandbox.max_file_size": { c, v, s in c.pipeline.sandbox.maxFileBytes = try bytes(v, "sandbox.max_file_size", s, min: 1 << 20) },
        "sandbox.tmpfs_size": { c, v, s in c.pipeline.sandbox.tmpfsBytes = try bytes(v, "sandbox.tmpfs_size", s, min: 1 << 20) },
    ]

    /// `repos.OWNER/NAME.protected_paths` (file only): that repository's whole protected list.
    static func repositoryProtectedKey(_ key: String) -> String? {
        guard key.hasPrefix("repos."), key.hasSuffix(".protected_paths") else { return nil }
        let repo = key.dropFirst("repos.".count).dropLast(".protected_paths".count)
        return repo.split(separator: "/").count == 2 ? String(repo) : nil
    }

    /// `4G`, `512M`, `64K` or a number of bytes.
    static func bytes(_ value: String, _ key: String, _ source: String, min: UInt64) throws -> UInt64 {
        let text = value.trimmingCharacters(in: .whitespaces).uppercased()
        let units: [Character: UInt64] = ["K": 1 << 10, "M": 1 << 20, "G": 1 << 30]
        let (digits, unit) = text.last.flatMap { units[$0] }.map { (String(text.dropLast()), $0) } ?? (text, 1)
        guard let number = UInt64(digits), number.multipliedReportingOverflow(by: unit).overflow == false, number * unit >= min else {
            throw ConfigurationError.invalidValue(key: key, value: value, expected: "a size like 512M or 4G (at least \(min) bytes)", source: source)
        }
        return number * unit
    }

    /// `repos.OWNER/NAME.test_command` (file only): the test command of one repository.
    static func repositoryKey(_ key: String) -> String? {
        guard key.hasPrefix("repos."), key.hasSuffix(".test_command") else { return nil }
        let repo = key.dropFirst("repos.".count).dropLast(".test_command".count)
        return repo.split(separator: "/").count == 2 ? String(repo) : nil
    }

    static func url(_ value: String, _ key: String, _ source: String) throws -> URL {
        guard let url = URL(string: value), url.scheme == "https" || url.scheme == "http", url.host != nil else {
            throw ConfigurationError.invalidValue(key: key, value: value, expected: "an http(s) URL", source: source)
        }
        return url
    }

    /// Secrets that systemd may pass as credential files, by key.
    static let credentials = [
        "api_keys": "api-keys", "operator_keys": "operator-keys", "webhook_secret": "webhook-secret", "github.token": "github-token",
        "github.app_private_key": "github-app-private-key", "llm.api_key": "llm-api-key",
        "database_password": "database-password",
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
            throw ConfigurationError.invalidValue(
                key: key, value: value, expected: "an integer from \(range.lowerBound) to \(range.upperBound)", source: source)
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
