import Foundation
import Logging
import Yams

/// Builds the configuration: defaults, then the YAML file, then `AUTOFIX_*` environment variables.
public struct ConfigurationLoader: Sendable {
    /// The file read when no `--config` or `AUTOFIX_CONFIG` names one, if it exists.
    public static let systemConfigPath = "/etc/autofix/config.yml"

    public var environment: [String: String]

    public init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.environment = environment
    }

    /// The environment variable that overrides a key: `worker.drain_timeout` → `AUTOFIX_WORKER_DRAIN_TIMEOUT`.
    public static func environmentName(_ key: String) -> String {
        // Keys are ASCII by construction; byte mapping avoids locale-aware case mapping at every start.
        let bytes = key.utf8.map { byte -> UInt8 in
            byte == UInt8(ascii: ".") ? UInt8(ascii: "_") : (byte >= 97 && byte <= 122 ? byte - 32 : byte)
        }
        return "AUTOFIX_" + String(decoding: bytes, as: UTF8.self)
    }

    public func load(file explicitPath: String?) throws -> AutofixConfiguration {
        var config = AutofixConfiguration(database: AutofixConfiguration.defaultDatabase(environment: environment))
        let path =
            explicitPath ?? environment["AUTOFIX_CONFIG"]
            ?? (access(Self.systemConfigPath, F_OK) == 0 ? Self.systemConfigPath : nil)
        if let path {
            for (key, value) in try Self.readYAML(path) {
                if let repo = ConfigurationKeys.repositoryKey(key) {
                    config.pipeline.repositoryTestCommands[repo] = value
                    continue
                }
                if let repo = ConfigurationKeys.repositoryProtectedKey(key) {
                    let list = ConfigurationKeys.keyList(value)
                    guard !list.isEmpty else {
                        throw ConfigurationError.invalidValue(
                            key: key, value: value, expected: "a non-empty list of globs (the protected list is never emptied)", source: path)
                    }
                    config.pipeline.repositoryProtectedPaths[repo] = list
                    continue
                }
                guard let setting = ConfigurationKeys.all[key] else { throw ConfigurationError.unknownKey(key, source: path) }
                try setting(&config, value, path)
            }
        }
        // systemd credentials ($CREDENTIALS_DIRECTORY/api-keys, or autofix_api-keys when the unit
        // loads a whole directory): above the file, below the environment.
        if let directory = environment["CREDENTIALS_DIRECTORY"] {
            for (key, file) in ConfigurationKeys.credentials.sorted(by: { $0.key < $1.key }) {
                for name in [file, "autofix_\(file)"] {
                    let path = "\(directory)/\(name)"
                    if let text = try? String(contentsOfFile: path, encoding: .utf8) {
                        try ConfigurationKeys.all[key]!(&config, text, "credential \(name)")
                    }
                }
            }
        }
        for (key, setting) in ConfigurationKeys.all {
            let name = Self.environmentName(key)
            if let value = environment[name] { try setting(&config, value, "$\(name)") }
        }
        return config
    }

    /// Flattens nested mappings into dotted keys with scalar text values.
    static func readYAML(_ path: String) throws -> [(String, String)] {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw ConfigurationError.unreadableFile(path, (error as NSError).localizedDescription)
        }
        let root: Any?
        do {
            root = try Yams.load(yaml: text)
        } catch {
            throw ConfigurationError.invalidYAML(path, "\(error)".split(separator: "\n").first.map(String.init) ?? "")
        }
        guard let root else { return [] }
        guard let mapping = root as? [String: Any] else { throw ConfigurationError.invalidYAML(path, "the top level must be a mapping") }
        var pairs: [(String, String)] = []
        func walk(_ node: [String: Any], prefix: String) throws {
            for (key, value) in node.sorted(by: { $0.key < $1.key }) {
                let path = prefix.isEmpty ? key : "\(prefix).\(key)"
                if let nested = value as? [String: Any] {
                    try walk(nested, prefix: path)
                } else if value is [Any] {
                    throw ConfigurationError.invalidValue(key: path, value: "a list", expected: "a single value", source: "config file")
                } else {
                    pairs.append((path, "\(value)"))
                }
            }
        }
        try walk(mapping, prefix: "")
        return pairs
    }
}
