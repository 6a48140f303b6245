import Core
import Foundation
import Logging
import Queue
import Synchronization

/// One line per event on stdout: logfmt-style text or JSON. Under journald the line starts with
/// the syslog priority (`<6>`) and carries no timestamp, since the journal records both itself.
public struct LineLogHandler: LogHandler {
    public var metadata: Logger.Metadata = [:]
    public var logLevel: Logger.Level
    let format: AutofixConfiguration.LogFormat
    let journald: Bool
    let label: String

    private static let output = Mutex(())

    public init(label: String, format: AutofixConfiguration.LogFormat, level: Logger.Level, journald: Bool) {
        self.label = label
        self.format = format
        self.logLevel = level
        self.journald = journald
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        var fields = self.metadata
        event.metadata?.forEach { fields[$0.key] = $0.value }
        let line =
            format == .json
            ? jsonLine(level: event.level, message: "\(event.message)", fields: fields)
            : textLine(level: event.level, message: "\(event.message)", fields: fields)
        // One write(2) per line, unbuffered: a line is never split or lost when the process is killed.
        let bytes = Array((line + "\n").utf8)
        Self.output.withLock { _ in
            var offset = 0
            while offset < bytes.count {
                let written = bytes[offset...].withUnsafeBytes { write(STDOUT_FILENO, $0.baseAddress, $0.count) }
                if written <= 0 { break }
                offset += written
            }
        }
    }

    private func textLine(level: Logger.Level, message: String, fields: Logger.Metadata) -> String {
        var line = journald ? Self.priority(level) : "\(Self.timestamp()) \(level.rawValue.uppercased()) "
        line += message
        for (key, value) in fields.sorted(by: { $0.key < $1.key }) {
            let text = "\(value)"
            let quoted = text.isEmpty || text.contains(where: { $0 == " " || $0 == "\"" || $0 == "=" })
            line += " \(key)=" + (quoted ? JSONText.quote(text) : text)
        }
        return line
    }

    private func jsonLine(level: Logger.Level, message: String, fields: Logger.Metadata) -> String {
        var line = journald ? Self.priority(level) : ""
        line += "{\"ts\":\(JSONText.quote(Self.timestamp())),\"level\":\(JSONText.quote(level.rawValue)),\"msg\":\(JSONText.quote(message))"
        for (key, value) in fields.sorted(by: { $0.key < $1.key }) {
            line += ",\(JSONText.quote(key)):\(JSONText.quote("\(value)"))"
        }
        return line + "}"
    }

    /// sd-daemon(3) priority prefixes.
    static func priority(_ level: Logger.Level) -> String {
        switch level {
        case .trace, .debug: "<7>"
        case .info: "<6>"
        case .notice: "<5>"
        case .warning: "<4>"
        case .error: "<3>"
        case .critical: "<2>"
        }
    }

    static func timestamp() -> String {
        Date().formatted(.iso8601.year().month().day().time(includingFractionalSeconds: true).timeZone(separator: .omitted))
    }
}
