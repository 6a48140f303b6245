import LogAnalysis
import Patching

/// The order in which a failure's frames are shown, by the usual fault-localization signals rather than
/// by where an exception surfaced: the frame the test called into (the code under test) first, then the
/// deepest frame of the project, then the rest of the project's code, then the test itself. Frames
/// outside the repository (the standard library, installed packages, the toolchain) are not shown at all.
///
/// Only the trace's direction depends on the ecosystem: Python prints the outermost call first; the JVM,
/// Node, Go, Rust, Ruby, .NET and Swift print the innermost first.
enum FrameRanking {
    enum Rank: Int, Comparable, Sendable {
        /// The first project frame below a test frame: what the test called.
        case calledByTest
        /// The innermost frame in the project's own (non-test) code.
        case deepest
        case source
        case test
        /// A path without a line (a summary line naming the test file): its head, if room is left.
        case lineless

        static func < (a: Rank, b: Rank) -> Bool { a.rawValue < b.rawValue }
    }

    struct Frame: Equatable, Sendable {
        var path: String
        var line: Int?
        var rank: Rank
    }

    /// One error's project frames, innermost first, ranked. `locations` are in the order the log printed
    /// them; `files` are the repository's tracked paths.
    static func frames(_ locations: [CodeLocation], files: [String]) -> [Frame] {
        var trace: [Frame] = []
        for location in locations {
            guard let path = resolve(location.file, in: files) else { continue }
            let frame = Frame(path: path, line: location.line, rank: TestFiles.isTestPath(path) ? .test : .source)
            if !trace.contains(where: { $0.path == frame.path && $0.line == frame.line }) { trace.append(frame) }
        }
        let lineless = trace.filter { $0.line == nil }.map { Frame(path: $0.path, line: nil, rank: .lineless) }
        trace.removeAll { $0.line == nil }
        if trace.contains(where: { $0.path.hasSuffix(".py") }) { trace.reverse() }

        for index in trace.indices where trace[index].rank == .test {
            // Walk down from the test frame to the first frame that is not test code.
            if let called = trace[..<index].lastIndex(where: { $0.rank != .test }), trace[called].rank == .source {
                trace[called].rank = .calledByTest
            }
        }
        if let deepest = trace.firstIndex(where: { $0.rank == .source }) { trace[deepest].rank = .deepest }
        return trace + lineless
    }

    /// Every error's frames in one list, the highest rank first; within a rank, error by error, innermost first.
    static func ranked(_ errors: [[CodeLocation]], files: [String]) -> [Frame] {
        let all = errors.flatMap { frames($0, files: files) }
        var seen: Set<String> = []
        return all.enumerated().sorted { ($0.element.rank, $0.offset) < ($1.element.rank, $1.offset) }.map(\.element).filter {
            seen.insert("\($0.path):\($0.line ?? 0)").inserted
        }
    }

    /// The tracked path a log's path names: exact, else the longest tracked path it ends with (absolute
    /// runner paths) or that ends with it (a JVM frame's package path); nil when it is not the project's.
    static func resolve(_ path: String, in files: [String]) -> String? {
        if files.contains(path) { return path }
        return files.filter { path.hasSuffix("/" + $0) || $0.hasSuffix("/" + path) }.max { $0.count < $1.count }
    }
}
