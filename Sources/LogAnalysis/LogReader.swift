/// Splits raw log bytes into cleaned lines, keeping original line numbers.
///
/// Handles GitHub Actions raw logs (`2024-01-02T03:04:05.1234567Z ` prefixes), `gh run view --log`
/// (`job\tstep\ttimestamp text`), ANSI escape sequences, and carriage-return progress output
/// (only the last rewrite of a line is kept). Invalid UTF-8 is repaired, never fatal.
public enum LogReader {
    public static func lines(_ bytes: [UInt8]) -> [LogLine] {
        var lines: [LogLine] = []
        var start = 0
        var number = 1
        bytes.withUnsafeBufferPointer { buffer in
            for index in 0..<buffer.count where buffer[index] == 0x0A {
                lines.append(LogLine(number: number, text: clean(buffer[start..<index])))
                number += 1
                start = index + 1
            }
            if start < buffer.count { lines.append(LogLine(number: number, text: clean(buffer[start..<buffer.count]))) }
        }
        return lines
    }

    static func clean(_ raw: Slice<UnsafeBufferPointer<UInt8>>) -> String {
        var bytes = Array(raw)
        while bytes.last == 0x0D { bytes.removeLast() }
        // A progress bar rewrites its line with CR; what the reader saw last is what matters.
        if let cr = bytes.lastIndex(of: 0x0D) { bytes.removeSubrange(0...cr) }
        bytes = stripANSI(bytes)
        // The runner's prefixes are ASCII: strip them on bytes and decode once.
        let start = ScanState.contentStart(bytes)
        return String(decoding: bytes[start...], as: UTF8.self)
    }

    /// `ESC [ … final-byte` and `ESC ] … BEL` sequences.
    static func stripANSI(_ bytes: [UInt8]) -> [UInt8] {
        guard bytes.contains(0x1B) else { return bytes }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = 0
        while i < bytes.count {
            if bytes[i] == 0x1B, i + 1 < bytes.count {
                if bytes[i + 1] == UInt8(ascii: "[") {
                    i += 2
                    while i < bytes.count, !(0x40...0x7E).contains(bytes[i]) { i += 1 }
                    i += 1
                    continue
                }
                if bytes[i + 1] == UInt8(ascii: "]") {
                    i += 2
                    while i < bytes.count, bytes[i] != 0x07 { i += 1 }
                    i += 1
                    continue
                }
            }
            out.append(bytes[i])
            i += 1
        }
        return out
    }

    /// `2024-01-02T03:04:05.1234567Z ` (GitHub Actions raw job logs).
    static func timestampPrefixEnd(_ text: String) -> String.Index? {
        let utf8 = text.utf8
        guard utf8.count > 20 else { return nil }
        let bytes = Array(utf8.prefix(40))
        guard bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"), bytes[10] == UInt8(ascii: "T"),
              bytes[0...3].allSatisfy({ (0x30...0x39).contains($0) }) else { return nil }
        guard let z = bytes.firstIndex(of: UInt8(ascii: "Z")), z > 18 else { return nil }
        let end = bytes.count > z + 1 && bytes[z + 1] == UInt8(ascii: " ") ? z + 2 : z + 1
        return utf8.index(utf8.startIndex, offsetBy: end)
    }

    /// `gh run view --log` lines: `job name<TAB>step name<TAB>timestamp text`.
    static func ghRunViewPrefixEnd(_ text: String) -> String.Index? {
        guard let first = text.firstIndex(of: "\t") else { return nil }
        let rest = text[text.index(after: first)...]
        guard let second = rest.firstIndex(of: "\t") else { return nil }
        let after = rest[rest.index(after: second)...]
        guard after.utf8.count > 20, after.utf8.first.map({ (0x30...0x39).contains($0) }) == true else { return nil }
        return after.startIndex
    }
}
