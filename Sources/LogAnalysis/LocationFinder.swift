import Foundation

/// Finds `file:line:column` references in log text: tracebacks, compiler diagnostics, test ids, workflow commands.
public struct LocationFinder: Sendable {
    public init() {}

    /// Every location, in the order the log printed them (a trace's frame order), each once.
    public func locations(in text: String) -> [CodeLocation] {
        var found: [(offset: Int, location: CodeLocation)] = []
        let range = NSRange(text.startIndex..., in: text)
        // A JVM frame also holds a bare `Calc.java:12`, which would resolve by its name alone: the frame's
        // own reading (with its package) is the only one kept.
        let jvmFrames = Self.patterns.last!.matches(in: text, range: range).map(\.range)
        for (index, pattern) in Self.patterns.enumerated() {
            for match in pattern.matches(in: text, range: range) {
                if index < Self.patterns.count - 1, jvmFrames.contains(where: { NSIntersectionRange($0, match.range).length > 0 }) { continue }
                guard var file = group(match, "file", text) else { continue }
                // A JVM frame names its file without a directory; its package is the directory.
                if let package = group(match, "package", text) {
                    file = package.split(separator: ".").dropLast().joined(separator: "/") + "/" + file
                }
                let cleaned = Self.relative(file)
                guard Self.looksLikeSourcePath(cleaned) else { continue }
                let location = CodeLocation(
                    file: cleaned, line: group(match, "line", text).flatMap { Int($0) }, column: group(match, "col", text).flatMap { Int($0) })
                found.append((match.range.location, location))
            }
        }
        var seen: Set<CodeLocation> = []
        return found.sorted { $0.offset < $1.offset }.map(\.location).filter { seen.insert($0).inserted }
    }

    private func group(_ match: NSTextCheckingResult, _ name: String, _ text: String) -> String? {
        let range = match.range(withName: name)
        guard range.location != NSNotFound, let swiftRange = Range(range, in: text) else { return nil }
        return String(text[swiftRange])
    }

    static let patterns: [NSRegularExpression] = [
        #"::(?:error|warning)[^:\n]*?file=(?<file>[^,:\n]+)(?:,line=(?<line>\d+))?(?:,col=(?<col>\d+))?"#,
        #"File "(?<file>[^"\n]+)", line (?<line>\d+)"#,
        #"(?:^|[\s(\[>'"])(?<file>[A-Za-z0-9_./\\-]+\.[A-Za-z0-9]{1,6})[:(](?<line>\d+)(?:[:,](?<col>\d+))?"#,
        #"(?:FAILED|ERROR|PASSED|FAIL)\s+(?<file>[A-Za-z0-9_./-]+\.[A-Za-z0-9]{1,6})::"#,
        // JVM (last: see `locations`): `at com.example.Calc$Inner.add(Calc.java:12)`, after an optional class
        // loader or module (`app//`, `java.base/`): the class's package gives the directory.
        #"\bat\s+(?:[\w.$@-]*/){0,2}(?<package>(?:[A-Za-z_$][\w$]*\.)+[A-Za-z_$][\w$]*)\.[\w$<>-]+\((?<file>[\w$-]+\.(?:java|kt|scala|groovy)):(?<line>\d+)\)"#,
    ].map { try! NSRegularExpression(pattern: $0, options: [.anchorsMatchLines]) }

    /// Runner checkouts are absolute (`/home/runner/work/repo/repo/src/x.py`); keep the part after the checkout root.
    public static func relative(_ path: String) -> String {
        var path = path.replacingOccurrences(of: "\\", with: "/")
        // Hosted and self-hosted GitHub runners, containers, Travis: each layout's checkout root.
        for marker in ["/home/runner/work/", "/Users/runner/work/", "D:/a/", "/__w/", "/_work/", "/home/travis/build/", "/github/workspace/"] {
            if let range = path.range(of: marker) {
                let rest = path[range.upperBound...].split(separator: "/", omittingEmptySubsequences: false)
                // work/<repo>/<repo>/… for hosted runners, workspace/… for containers.
                let skip = marker == "/github/workspace/" ? 0 : 2
                if rest.count > skip { path = rest.dropFirst(skip).joined(separator: "/") }
            }
        }
        while path.hasPrefix("./") { path.removeFirst(2) }
        return path
    }

    static func looksLikeSourcePath(_ path: String) -> Bool {
        guard !path.isEmpty, !path.hasPrefix("http"), !path.contains("site-packages/"), !path.contains("node_modules/"),
            !path.hasPrefix("/usr/"), !path.hasPrefix("<")
        else { return false }
        return path.contains(".")
    }
}
