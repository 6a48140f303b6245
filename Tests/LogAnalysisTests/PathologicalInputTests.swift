import Foundation
import LogAnalysis
import Testing

/// Input that has broken extractors elsewhere must neither crash nor hang this one.
@Suite struct PathologicalInputTests {
    func blocks(_ bytes: [UInt8]) -> [ErrorBlock] {
        let extractor = StreamingExtractor()
        return extractor.blocks(extractor.scan(bytes))
    }

    @Test func oneMegabyteLine_isScannedAndTruncatedForAnalysis() {
        let line = [UInt8](repeating: UInt8(ascii: "a"), count: 1 << 20) + Array(" error: boom\n".utf8) + Array("next\n".utf8)
        let scan = StreamingExtractor().scan(line)
        #expect(scan.totalLines == 2)
        #expect(scan.candidates.allSatisfy { $0.text.utf8.count <= 4096 })
    }

    @Test func invalidUTF8AndNULBytes_areRepaired() {
        let bytes: [UInt8] = [0xFF, 0xFE, 0x00, 0x65, 0x72, 0x72, 0x6F, 0x72, 0x3A, 0x20, 0xC3, 0x0A] + Array("FAILED tests/x.py::t - \u{0}boom\n".utf8)
        let found = blocks(bytes)
        #expect(!found.isEmpty)
    }

    @Test func tenMillionEmptyLines_countedInBoundedMemory() {
        var bytes = [UInt8](repeating: 0x0A, count: 10_000_000)
        bytes += Array("E       assert 1 == 2\n".utf8)
        let scan = StreamingExtractor().scan(bytes)
        #expect(scan.totalLines == 10_000_001)
        #expect(scan.candidates.count < 20)
        #expect(StreamingExtractor().blocks(scan).first?.startLine == 10_000_001)
    }

    @Test func randomBytes_neverCrash() {
        var generator = SplitMix(seed: 42)
        for _ in 0..<20 {
            let bytes = (0..<200_000).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
            _ = blocks(bytes)
        }
    }

    @Test func automaton_flagsEveryLineTheSlowPathWouldMatch() {
        // The prefilter may never hide a line a rule accepts: compare with the whole-log path.
        var generator = SplitMix(seed: 7)
        let words = ["error:", "FAILED ", "ok", "Traceback (most recent call last):", "  at foo", "make: ***", "E   x", "warning", "done", "npm ERR! x"]
        let text = (0..<5000).map { _ in (0..<3).map { _ in words[Int(generator.next() % UInt64(words.count))] }.joined(separator: " ") }.joined(
            separator: "\n")
        let dense = ErrorExtractor().blocks(LogReader.lines(Array(text.utf8)), top: 3)
        #expect(blocks(Array(text.utf8)).map(\.lines) == dense.map(\.lines))
    }
}

/// A small deterministic generator for test input.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

extension PathologicalInputTests {
    @Test(arguments: [7, 64, 4097, 65_536])
    func chunkBoundaries_doNotChangeTheResult(chunkSize: Int) {
        var generator = SplitMix(seed: 3)
        let words = [
            "ok", "Downloading pkg", "  File \"a.py\", line 3", "Traceback (most recent call last):", "ValueError: bad",
            "##[error]Process completed with exit code 1.", "$ make test", "note",
            // Longer than a quarter of the smaller chunks: a chunk's parts can be empty or end mid-line.
            String(repeating: "progress ", count: 600) + "Error: late",
        ]
        let stamp = "2026-11-23T10:00:00.1234567Z "
        let text = (0..<20_000).map { _ in stamp + words[Int(generator.next() % UInt64(words.count))] }.joined(separator: "\n")
        let bytes = Array(text.utf8)
        let extractor = StreamingExtractor()
        let whole = extractor.scan(bytes)
        var offset = 0
        let pieces = extractor.scan(
            read: { buffer in
                let count = min(buffer.count, bytes.count - offset)
                for index in 0..<count { buffer[index] = bytes[offset + index] }
                offset += count
                return count
            }, chunkSize: chunkSize)
        #expect(pieces.totalLines == whole.totalLines)
        #expect(pieces.candidates == whole.candidates)
        #expect(extractor.blocks(pieces).map(\.lines) == extractor.blocks(whole).map(\.lines))
    }
}

extension PathologicalInputTests {
    @Test func mappedFile_givesTheSameScanAsBytes() throws {
        var generator = SplitMix(seed: 11)
        let words = ["ok", "Traceback (most recent call last):", "  File \"a.py\", line 3", "KeyError: 'x'", "FAILED t.py::a - x", "note"]
        let text = (0..<30_000).map { _ in words[Int(generator.next() % UInt64(words.count))] }.joined(separator: "\n")
        let path = "/tmp/autofix-mapped-\(generator.next()).log"
        #expect(FileManager.default.createFile(atPath: path, contents: Data(text.utf8)))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let fd = open(path, O_RDONLY)
        defer { close(fd) }
        let extractor = StreamingExtractor()
        let mapped = try #require(extractor.scan(mappedFile: fd, chunkSize: 8192 + 17))
        let whole = extractor.scan(Array(text.utf8))
        #expect(mapped.totalLines == whole.totalLines)
        #expect(mapped.candidates == whole.candidates)
    }
}

extension PathologicalInputTests {
    @Test func colourCodesInsideANeedle_stillFindTheLine() {
        let line = "\u{1B}[0m[\u{1B}[0m\u{1B}[31merror\u{1B}[0m] \u{1B}[0m/build/src/Main.scala:10:8: object x is not a member of package y"
        let text = (["compiling 12 Scala sources"] + [line] + ["done"]).joined(separator: "\n")
        let found = blocks(Array(text.utf8))
        #expect(found.contains { $0.lines.contains(2) && $0.rule == "sbt.error" }, "\(found)")
    }
}
