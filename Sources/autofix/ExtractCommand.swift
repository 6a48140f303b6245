import ArgumentParser
import AutofixCLI
import Foundation
import LogAnalysis
import Queue

/// `autofix extract`: the error extractor on one log, for an operator looking at a failure.
struct ExtractCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract", abstract: "Show the blocks of a CI log that explain its failure (gzipped logs are fine).")

    @Argument(help: "Log file, or - for stdin.") var file: String = "-"
    @Option(help: "text or json.") var format: String = "text"
    @Option(help: "How many blocks.") var top: Int = 3

    func run() throws {
        guard ["text", "json"].contains(format) else { throw UsageError(message: "--format must be text or json") }
        guard (1...50).contains(top) else { throw UsageError(message: "--top must be from 1 to 50") }
        let lines = LogReader.lines(try LogFile.read(file))
        let extractor = ErrorExtractor()
        let blocks = extractor.blocks(lines, top: top)
        if format == "json" {
            printLine(JobJSON.text([
                "failure_kind": extractor.failureKind(blocks).rawValue,
                "blocks": blocks.map { block -> [String: Any] in
                    ["start_line": block.startLine, "end_line": block.endLine, "rule": block.rule, "kind": block.kind.rawValue,
                     "message": block.message, "score": block.score]
                },
            ]))
            return
        }
        printLine("failure kind: \(extractor.failureKind(blocks).rawValue)")
        for (rank, block) in blocks.enumerated() {
            printLine("\n#\(rank + 1) lines \(block.startLine)-\(block.endLine)  \(block.kind.rawValue)  (\(block.rule))")
            for line in lines[(block.startLine - 1)...(block.endLine - 1)] { printLine("  \(line.number): \(line.text)") }
        }
    }
}
