/// A configuration file or environment variable that cannot be used.
public enum ConfigurationError: Error, Sendable, Hashable, CustomStringConvertible {
    case unreadableFile(String, String)
    case invalidYAML(String, String)
    case unknownKey(String, source: String)
    case invalidValue(key: String, value: String, expected: String, source: String)

    public var code: String {
        switch self {
        case .unreadableFile: "config_unreadable"
        case .invalidYAML: "config_invalid_yaml"
        case .unknownKey: "config_unknown_key"
        case .invalidValue: "config_invalid_value"
        }
    }

    public var isRetryable: Bool { false }

    public var description: String {
        switch self {
        case .unreadableFile(let path, let why): "cannot read config file \(path): \(why)"
        case .invalidYAML(let path, let why): "config file \(path) is not valid YAML: \(why)"
        case .unknownKey(let key, let source): "unknown configuration key \"\(key)\" in \(source)"
        case .invalidValue(let key, let value, let expected, let source):
            "configuration \(key) = \"\(value)\" in \(source): expected \(expected)"
        }
    }
}
