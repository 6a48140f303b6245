import LogAnalysis
import Testing

/// Test runners' failure reports as each tool prints them (written from the tools' documented output, not from
/// the corpora), inside a GitHub Actions job with set-up steps before: whatever the format, a block among the
/// top three holds the line that names the failing test, and the first block lies in the failing step's output.
@Suite struct TestRunnerFormatTests {
    struct Format: Sendable, CustomStringConvertible {
        var name: String
        var command: String
        var output: String
        /// Text of the lines that name the failing test.
        var names: [String]
        var description: String { name }
    }

    @Test(arguments: formats) func theLineNamingTheFailingTest_isInTheTopBlocks(format: Format) throws {
        let (log, output) = Self.job(format)
        let lines = log.split(separator: "\n", omittingEmptySubsequences: false)
        let named = Set(lines.indices.filter { index in format.names.contains { lines[index].hasSuffix($0) } }.map { $0 + 1 })
        #expect(named.count == format.names.count, "every name is one line of the log")
        let extractor = StreamingExtractor()
        let blocks = extractor.blocks(extractor.scan(Array(log.utf8)))
        #expect(blocks.contains { block in named.contains { block.lines.contains($0) } }, "\(blocks)")
        #expect(try #require(blocks.first).startLine >= output, "\(blocks)")
    }

    /// The job: checkout and set-up steps (with a deprecation warning), then the step that runs `command`;
    /// and the line number where the command's output starts.
    static func job(_ format: Format) -> (log: String, output: Int) {
        let setup = [
            "##[group]Run actions/checkout@v4", "with:", "  repository: acme/calc", "##[endgroup]", "Syncing repository: acme/calc",
            "##[group]Run actions/setup-java@v4", "Java configuration:", "  Distribution: temurin",
            "warning: The `set-output` command is deprecated and will be disabled soon.", "##[endgroup]",
            "##[group]Run \(format.command)", format.command, "shell: /usr/bin/bash -e {0}", "##[endgroup]",
        ]
        let tail = ["##[error]Process completed with exit code 1.", "Post job cleanup."]
        let lines = setup + format.output.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) + tail
        return (lines.map { "2024-03-01T10:00:04.0000000Z \($0)" }.joined(separator: "\n"), setup.count + 1)
    }

    static let formats = jvm + python + javascript + others
}
