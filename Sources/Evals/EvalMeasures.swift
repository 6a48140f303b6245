import Foundation
import LogAnalysis

/// The figures that do not depend on the model: whether the extractor finds the lines that explain the
/// failure, and whether the code context shown to the model holds the lines the reference fix changes.
struct EvalMeasures {
    let testCase: EvalCase
    let log: [UInt8]
    let referenceDiff: String?

    init(testCase: EvalCase, folder: String) throws {
        self.testCase = testCase
        guard let log = FileManager.default.contents(atPath: "\(folder)/ci.log") else { throw EvalError.badSuite("\(testCase.name): no ci.log") }
        self.log = Array(log)
        referenceDiff = (FileManager.default.contents(atPath: "\(folder)/fix.diff")).map { String(decoding: $0, as: UTF8.self) }
    }

    /// One of the case's error lines falls inside one of the top 3 blocks (nil when the case labels none).
    func extractionHit() -> Bool? {
        guard !testCase.errorLines.isEmpty else { return nil }
        let blocks = ErrorExtractor().blocks(LogReader.lines(log), top: 3)
        return blocks.contains { block in testCase.errorLines.contains(where: block.lines.contains) }
    }

    /// (lines shown, lines changed): the reference fix's changed lines, by their line in the original
    /// file, against the numbered lines of the prompt's `<code path="…">` sections.
    func localization(context: String) -> (Int, Int)? {
        guard let referenceDiff else { return nil }
        let changed = Self.changedLines(referenceDiff)
        guard !changed.isEmpty else { return nil }
        let shown = Self.shownLines(context)
        return (changed.filter { shown[$0.path]?.contains($0.line) == true }.count, changed.count)
    }

    struct Place: Hashable {
        var path: String
        var line: Int
    }

    /// Removed lines by their old line number; an insertion by the old lines around it (the line it follows,
    /// or the one it precedes at the top of a hunk).
    static func changedLines(_ diff: String) -> [Place] {
        var places: [Place] = []
        var path: String?
        var old = 0
        var lastOld = 0
        var insertionPending = false
        for line in diff.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("--- ") { continue }
            if line.hasPrefix("+++ ") {
                let name = line.dropFirst(4).split(separator: "\t").first.map(String.init) ?? ""
                path = name.hasPrefix("b/") ? String(name.dropFirst(2)) : name
                continue
            }
            if line.hasPrefix("@@") {
                let numbers = line.split(separator: " ").dropFirst().first?.dropFirst().split(separator: ",").first
                old = Int(numbers ?? "") ?? 1
                lastOld = old - 1
                continue
            }
            guard let file = path else { continue }
            if line.hasPrefix("-") {
                places.append(Place(path: file, line: old))
                lastOld = old
                old += 1
                insertionPending = false
            } else if line.hasPrefix("+") {
                if !insertionPending { places.append(Place(path: file, line: max(lastOld, 1))) }
                insertionPending = true
            } else if line.hasPrefix(" ") || line.isEmpty {
                lastOld = old
                old += 1
                insertionPending = false
            }
        }
        var seen = Set<Place>()
        return places.filter { seen.insert($0).inserted }
    }

    /// Path → the line numbers the `<code path="…">` sections show (each line starts with its number).
    static func shownLines(_ context: String) -> [String: Set<Int>] {
        var shown: [String: Set<Int>] = [:]
        var path: String?
        for line in context.split(separator: "\n") {
            if line.hasPrefix("<code path=\"") {
                path = line.dropFirst("<code path=\"".count).split(separator: "\"").first.map(String.init)
                continue
            }
            if line.hasPrefix("</code>") {
                path = nil
                continue
            }
            guard let path else { continue }
            let digits = line.drop { $0 == " " }.prefix { $0.isNumber }
            if let number = Int(digits), !digits.isEmpty { shown[path, default: []].insert(number) }
        }
        return shown
    }
}
