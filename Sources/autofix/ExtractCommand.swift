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
    @Option(help: "stream (bounded memory) or lines (whole log in memory, for comparison).") var engine = "stream"
    @Option(help: "A passing log of the same job: lines it also has (numbers, hashes, times normalised) lose rank or drop out.")
    var passing: String?

    func run() throws {
        guard ["text", "json"].contains(format) else { throw UsageError(message: "--format must be text or json") }
        guard (1...50).contains(top) else { throw UsageError(message: "--top must be from 1 to 50") }
        guard ["stream", "lines"].contains(engine) else { throw UsageError(message: "--engine must be stream or lines") }
        let streaming = StreamingExtractor()
        let extractor = streaming.extractor
        let routine = try passing.map { PassingLog(LogReader.lines(try LogFile.read($0))) }
        let lines: [LogLine]
        let blocks: [ErrorBlock]
        if engine == "lines" {
            lines = LogReader.lines(try LogFile.read(file))
            blocks = extractor.blocks(lines, passing: routine, top: top)
        } else {
            let scan = try LogFile.scan(file, streaming)
            lines = scan.candidates
            blocks = streaming.blocks(scan, passing: routine, top: top)
        }
        if format == "json" {
            printLine(
                JobJSON.text([
                    "failure_kind": extractor.failureKind(blocks).rawValue,
                    "blocks": blocks.map { block -> [String: Any] in
                        [
                            "start_line": block.startLine, "end_line": block.endLine, "rule": block.rule, "kind": block.kind.rawValue,
                            "message": block.message, "score": block.score,
                        ]
                    },
                ]))
            return
        }
        printLine("failure kind: \(extractor.failureKind(blocks).rawValue)")
        for (rank, block) in blocks.enumerated() {
            printLine("\n#\(rank + 1) lines \(block.startLine)-\(block.endLine)  \(block.kind.rawValue)  (\(block.rule))")
            for line in lines where block.lines.contains(line.number) { printLine("  \(line.number): \(line.text)") }
        }
    }
}
