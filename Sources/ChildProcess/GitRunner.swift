import Foundation

/// Runs the worker's own `git` so that nothing a repository, a mirror or a home directory holds can
/// make it run code: no system or user configuration, hooks and fsmonitor off, only the transport the
/// configured remote needs. Repository content is hostile; this git never obeys it.
public struct GitRunner: Sendable {
    /// A directory only the worker uses: git's HOME and the (empty) global configuration live here.
    public var home: String
    /// Transports git may use (`https`, `file`, …); every other one is refused by git itself.
    public var allowedProtocols: [String]
    let runner: ProcessRunner

    public init(home: String, allowedProtocols: [String], outputLimit: Int = 8 << 20) {
        self.home = home
        self.allowedProtocols = allowedProtocols
        self.runner = ProcessRunner(outputLimit: outputLimit)
    }

    /// The transports a remote URL template needs: a path or `file://` needs `file`, a URL its scheme.
    public static func protocols(forRemote template: String) -> [String] {
        guard let colon = template.range(of: "://") else { return ["file"] }
        return [String(template[..<colon.lowerBound]).lowercased()]
    }

    /// The environment every git call gets; `token` travels as an HTTP header in git's environment.
    public func environment(token: String? = nil, extra: [String: String] = [:]) throws -> [String: String] {
        try ensureHome()
        let inherited = ProcessInfo.processInfo.environment
        var environment: [String: String] = [:]
        // Only what git needs to find itself and speak the locale; never the worker's secrets.
        for name in ["PATH", "LANG", "LC_ALL", "TZ", "SSL_CERT_FILE", "SSL_CERT_DIR"] { environment[name] = inherited[name] }
        environment["HOME"] = home
        environment["XDG_CONFIG_HOME"] = "\(home)/xdg"
        environment["GIT_CONFIG_NOSYSTEM"] = "1"
        environment["GIT_CONFIG_GLOBAL"] = "\(home)/gitconfig"
        environment["GIT_ATTR_NOSYSTEM"] = "1"
        environment["GIT_TERMINAL_PROMPT"] = "0"
        environment["GIT_NO_REPLACE_OBJECTS"] = "1"
        environment["GIT_PROTOCOL_FROM_USER"] = "0"
        var config: [(String, String)] = [
            ("core.hooksPath", "/dev/null"), ("core.fsmonitor", "false"), ("credential.helper", ""),
            ("protocol.allow", "never"), ("core.sshCommand", "false"),
            // Paths as UTF-8, not octal escapes, so a diff of a non-ASCII name reads back as the same name.
            ("core.quotePath", "false"),
            // No background maintenance: nothing of git outlives the command it ran for.
            ("gc.auto", "0"), ("maintenance.auto", "false"),
        ]
        for scheme in allowedProtocols { config.append(("protocol.\(scheme).allow", "always")) }
        if let token {
            let basic = Data("x-access-token:\(token)".utf8).base64EncodedString()
            config.append(("http.extraHeader", "Authorization: Basic \(basic)"))
        }
        environment["GIT_CONFIG_COUNT"] = String(config.count)
        for (index, (key, value)) in config.enumerated() {
            environment["GIT_CONFIG_KEY_\(index)"] = key
            environment["GIT_CONFIG_VALUE_\(index)"] = value
        }
        for (key, value) in extra { environment[key] = value }
        return environment
    }

    /// Runs git and returns its result whatever the status.
    public func result(
        _ arguments: [String], directory: String? = nil, token: String? = nil, extra: [String: String] = [:],
        input: Data? = nil, timeout: Duration = .seconds(120)
    ) async throws -> ProcessResult {
        // In git's own home by default: a relative path git resolves (a remote with no URL is tried as the
        // directory of its name) is then the worker's, never the current directory's.
        let environment = try environment(token: token, extra: extra)
        return try await runner.run(["git"] + arguments, directory: directory ?? home, environment: environment, input: input, timeout: timeout)
    }

    /// Runs git; a failure throws `GitFailure` with git's own words.
    @discardableResult
    public func run(
        _ arguments: [String], directory: String? = nil, token: String? = nil, extra: [String: String] = [:],
        input: Data? = nil, timeout: Duration = .seconds(120)
    ) async throws -> String {
        let result = try await result(arguments, directory: directory, token: token, extra: extra, input: input, timeout: timeout)
        guard result.succeeded else {
            let verb = arguments.first { !$0.hasPrefix("-") && !$0.contains("/") && !$0.contains("=") } ?? "git"
            let detail = result.timedOut ? "timed out" : result.stderr.trimmingCharacters(in: .whitespacesAndNewlines)
            throw GitFailure(command: verb, detail: String(detail.prefix(500)))
        }
        return result.stdout
    }

    private func ensureHome() throws {
        let fm = FileManager.default
        if !fm.fileExists(atPath: "\(home)/gitconfig") {
            try fm.createDirectory(atPath: "\(home)/xdg", withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            fm.createFile(atPath: "\(home)/gitconfig", contents: Data(), attributes: [.posixPermissions: 0o600])
        }
    }
}

/// A git command that failed: which one and what git said.
public struct GitFailure: Error, Sendable, CustomStringConvertible {
    public var command: String
    public var detail: String

    public var description: String { "git \(command): \(detail)" }
}
