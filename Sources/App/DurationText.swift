import Foundation
import Queue

/// Parses durations written as `250ms`, `30s`, `5m`, `2h`, `30d`, or a bare number of seconds.
public enum DurationText {
    public static func parse(_ text: String) -> Duration? {
        let trimmed = text.trimmingCharacters(in: .whitespaces).lowercased()
        let units: [(String, Double)] = [("ms", 0.001), ("s", 1), ("m", 60), ("h", 3600), ("d", 86_400), ("w", 604_800)]
        for (suffix, scale) in units where trimmed.hasSuffix(suffix) {
            guard let value = Double(trimmed.dropLast(suffix.count)), value >= 0, value.isFinite else { return nil }
            return .milliseconds(Int64((value * scale * 1000).rounded()))
        }
        guard let seconds = Double(trimmed), seconds >= 0, seconds.isFinite else { return nil }
        return .milliseconds(Int64((seconds * 1000).rounded()))
    }

    public static func format(_ duration: Duration) -> String {
        let seconds = duration.seconds
        switch seconds {
        case ..<1: return "\(duration.milliseconds)ms"
        case ..<120: return String(format: "%.1fs", seconds)
        case ..<7200: return String(format: "%.0fm", seconds / 60)
        case ..<172_800: return String(format: "%.1fh", seconds / 3600)
        default: return String(format: "%.1fd", seconds / 86_400)
        }
    }
}
