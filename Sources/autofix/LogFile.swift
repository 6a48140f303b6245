import CZlib
import Foundation
import LogAnalysis

/// Reads a log file, gunzipping it if it is gzipped (zlib passes plain files through).
enum LogFile {
    static func read(_ path: String) throws -> [UInt8] {
        if path == "-" { return Array(FileHandle.standardInput.readDataToEndOfFile()) }
        guard let file = gzopen(path, "rb") else { throw UsageErrorText("cannot open \(path)") }
        defer { gzclose(file) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            let count = chunk.withUnsafeMutableBytes { gzread(file, $0.baseAddress, UInt32($0.count)) }
            if count < 0 { throw UsageErrorText("cannot read \(path): not a readable log") }
            if count == 0 { return bytes }
            bytes.append(contentsOf: chunk[0..<Int(count)])
        }
    }
}

extension LogFile {
    /// Streams a (possibly gzipped) log through the extractor in bounded memory.
    static func scan(_ path: String, _ extractor: StreamingExtractor = StreamingExtractor()) throws -> StreamingExtractor.Scan {
        if path == "-" {
            return try extractor.scan(read: { buffer in
                let count = Foundation.read(0, buffer.baseAddress, buffer.count)
                guard count >= 0 else { throw UsageErrorText("cannot read standard input") }
                return count
            })
        }
        // A plain file is scanned in place (mapped); a gzipped one through zlib.
        let fd = open(path, O_RDONLY)
        if fd >= 0 {
            defer { close(fd) }
            var magic: [UInt8] = [0, 0]
            if pread(fd, &magic, 2, 0) == 2, magic != [0x1F, 0x8B], let scan = extractor.scan(mappedFile: fd) { return scan }
        }
        guard let file = gzopen(path, "rb") else { throw UsageErrorText("cannot open \(path)") }
        defer { gzclose(file) }
        gzbuffer(file, 1 << 20)
        return try extractor.scan(read: { buffer in
            let count = gzread(file, buffer.baseAddress, UInt32(buffer.count))
            guard count >= 0 else { throw UsageErrorText("cannot read \(path): not a readable log") }
            return Int(count)
        })
    }
}

struct UsageErrorText: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
