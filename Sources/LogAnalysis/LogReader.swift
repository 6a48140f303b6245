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
        let start = contentStart(bytes)
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

    /// Where a line's text starts after the runner's prefixes: `gh run view --log`'s
    /// `job<TAB>step<TAB>`, then a GitHub Actions timestamp (`2024-01-02T03:04:05.1234567Z `).
    static func contentStart(_ line: [UInt8]) -> Int {
        line.withUnsafeBufferPointer { contentStart($0) }
    }

    static func contentStart(_ line: UnsafeBufferPointer<UInt8>) -> Int {
        var start = 0
        if let tab = line.prefix(256).firstIndex(of: 0x09), let second = line[(tab + 1)...].prefix(256).firstIndex(of: 0x09),
            second + 1 < line.count, (0x30...0x39).contains(line[second + 1])
        {
            start = second + 1
        }
        if line.count > start + 20, line[start + 4] == UInt8(ascii: "-"), line[start + 10] == UInt8(ascii: "T"),
            (0x30...0x39).contains(line[start]), let z = line[start..<min(line.count, start + 40)].firstIndex(of: UInt8(ascii: "Z"))
        {
            start = z + 1
            if start < line.count, line[start] == 0x20 { start += 1 }
        }
        return antTaskEnd(line, from: start) ?? start
    }

    /// Ant prints a task's output under the task's name, right-aligned in twelve columns (`    [junit] `,
    /// `[javac] `, a longer name unpadded): what follows is the tool's own line, whose shape the rules know.
    /// Other bracketed prefixes (sbt's `[error] `, Maven's `[ERROR] `) are not padded to that column and stay.
    static func antTaskEnd(_ line: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        var index = start
        while index < line.count, line[index] == 0x20, index - start < 10 { index += 1 }
        let spaces = index - start
        guard index + 3 < line.count, line[index] == UInt8(ascii: "["), (0x61...0x7A).contains(line[index + 1]) else { return nil }
        index += 1
        while index < line.count, index - start < 48,
            (0x61...0x7A).contains(line[index]) || (0x30...0x39).contains(line[index]) || line[index] == UInt8(ascii: "-") || line[index] == UInt8(ascii: "_")
        {
            index += 1
        }
        guard index + 1 < line.count, line[index] == UInt8(ascii: "]"), line[index + 1] == 0x20 else { return nil }
        let width = index + 2 - start
        return width == 12 || (spaces == 0 && width > 12) ? index + 2 : nil
    }
}
