import GitHub
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

    /// One error's project frames, innermost first, ranked. `locations` are in the order the log printed them.
    static func frames(_ locations: [CodeLocation], files: TrackedFiles) -> [Frame] {
        var trace: [Frame] = []
        for location in locations {
            guard let path = files.resolve(location.file) else { continue }
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
    static func ranked(_ errors: [[CodeLocation]], files: TrackedFiles) -> [Frame] {
        let all = errors.flatMap { frames($0, files: files) }
        var seen: Set<String> = []
        return all.enumerated().sorted { ($0.element.rank, $0.offset) < ($1.element.rank, $1.offset) }.map(\.element).filter {
            seen.insert("\($0.path):\($0.line ?? 0)").inserted
        }
    }
}

/// A repository's tracked paths, indexed once per job for the paths a log names.
struct TrackedFiles: Sendable {
    private let isTracked: @Sendable (String) -> Bool
    private let named: @Sendable (Substring) -> [String]

    init(_ files: [String]) {
        self.init(index: TreeIndex(sha: "", entries: files.map { TreeEntry(mode: "100644", object: "", path: $0) }))
    }

    init(index: TreeIndex) {
        isTracked = { index.files[$0] != nil }
        named = { index.byName[$0] ?? [] }
    }

    /// The tracked path a log's path names, or nil when it is not the project's. A path still absolute
    /// after `LocationFinder.relative` lies outside the checkout (a module cache, the toolchain, a registry
    /// copy), however its tail reads. A path the log prints inside a longer one (`repo/src/x.py`) names the
    /// longest tracked path it ends with; one that tracked paths end with (a JVM frame's `com/acme/Calc.java`)
    /// names the shortest of them, and a bare file name that several tracked files share names none.
    func resolve(_ path: String) -> String? {
        if isTracked(path) { return path }
        guard !path.hasPrefix("/"), let name = path.split(separator: "/").last else { return nil }
        // In byte order first: the same tree gives the same answer however its index was built.
        let candidates = named(name).sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        guard !candidates.isEmpty else { return nil }
        if let inside = candidates.filter({ path.hasSuffix("/" + $0) }).max(by: { $0.count < $1.count }) { return inside }
        let outside = candidates.filter { $0.hasSuffix("/" + path) }
        if !path.contains("/"), outside.count > 1 { return nil }
        return outside.min { $0.count < $1.count }
    }
}
