import App
import ArgumentParser

/// `--log-format text|json` for the long-running commands.
public struct LogFormatOption: ParsableArguments {
    @Option(name: .customLong("log-format"), help: "text or json (default: log.format, text).")
    var logFormat: String?

    public init() {}

    /// Applies the option over the configured format.
    public func apply(to configuration: inout AutofixConfiguration) throws {
        guard let logFormat else { return }
        guard let format = AutofixConfiguration.LogFormat(rawValue: logFormat) else {
            throw UsageError(message: "--log-format must be text or json")
        }
        configuration.logFormat = format
    }
}
