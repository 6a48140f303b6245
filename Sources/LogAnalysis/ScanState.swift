#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The streaming scan's state across chunks: automaton state, the current line, a ring of recent lines.
struct ScanState {
    let maxCandidates: Int
    let maxLineBytes: Int
    var candidates: [LogLine] = []
    /// 1-based number of the line being read.
    var number = 1
    var automaton: UInt32 = 0
    var matched = false
    /// The current line's first bytes (up to `maxLineBytes`).
    var line: [UInt8] = []
    /// The last lines seen, for the context before a match (`gha.exit-code`'s region tail).
    /// Fixed slots reused in a circle, so no line costs an allocation.
    var ring: [(number: Int, bytes: [UInt8])] = Array(repeating: (0, []), count: 8)
    var ringNext = 0
    /// Lines after a match still kept while they continue it (indented).
    var follow = 0
    var lastEmitted = 0

    init(maxCandidates: Int, maxLineBytes: Int) {
        self.maxCandidates = maxCandidates
        self.maxLineBytes = maxLineBytes
        line.reserveCapacity(maxLineBytes)
    }

    mutating func consume(_ bytes: UnsafeRawBufferPointer, table: [UInt32]) {
        guard let base = bytes.baseAddress?.assumingMemoryBound(to: UInt8.self) else { return }
        table.withUnsafeBufferPointer { table in
            let count = bytes.count
            var lineStart = 0
            var index = 0
            var state = automaton
            var hit = matched
            while index < count {
                if hit {
                    // The line already matched: jump to its end.
                    guard let newline = memchr(base + index, 0x0A, count - index) else {
                        index = count
                        break
                    }
                    index = base.distance(to: newline.assumingMemoryBound(to: UInt8.self))
                } else {
                    // One dependent table lookup per byte; the newline check rides on the same branch.
                    while index < count {
                        let byte = base[index]
                        let next = table[Int(state) << 8 | Int(byte)]
                        if next & NeedleAutomaton.accepting != 0 {
                            hit = true
                            state = 0
                            break
                        }
                        if byte == 0x0A { break }
                        state = next
                        index += 1
                    }
                    if hit || index >= count { continue }
                }
                append(UnsafeRawBufferPointer(start: base + lineStart, count: index - lineStart))
                matched = hit
                endLine()
                hit = false
                state = 0
                index += 1
                lineStart = index
            }
            append(UnsafeRawBufferPointer(start: base + lineStart, count: count - lineStart))
            automaton = state
            matched = hit
        }
    }

    mutating func append(_ bytes: UnsafeRawBufferPointer) {
        let room = maxLineBytes - line.count
        if room > 0, !bytes.isEmpty { line.append(contentsOf: bytes.prefix(room)) }
    }

    mutating func finish() {
        if !line.isEmpty { endLine() }
    }

    mutating func endLine() {
        // Most lines neither match nor follow a match nor hold a `$`: they cost nothing more.
        let interesting = matched || follow > 0 || line.prefix(48).contains(UInt8(ascii: "$"))
        let content = interesting ? Self.contentStart(line) : 0
        let startsShellCommand = interesting && line.count > content + 1 && line[content] == UInt8(ascii: "$") && line[content + 1] == 0x20
        let indented = content < line.count && (line[content] == 0x20 || line[content] == 0x09)
        let empty = content >= line.count
        if matched || startsShellCommand {
            // The lines before a step's exit marker: the failing command's tail, which the region rule reads.
            if matched, Self.isExitMarker(line) {
                emitRing()
            }
            emit(number, line)
            follow = 41
        } else if follow > 0 {
            follow = indented ? follow - 1 : 0
            if empty { follow = 0 }
            // The first line after an indented run (a traceback's exception) is kept too.
            emit(number, line)
        }
        ring[ringNext].number = number
        ring[ringNext].bytes.removeAll(keepingCapacity: true)
        ring[ringNext].bytes.append(contentsOf: line)
        ringNext = (ringNext + 1) % ring.count
        line.removeAll(keepingCapacity: true)
        matched = false
        number += 1
    }

    static let exitMarkers = [Array("Process completed with exit code".utf8), Array("exited with".utf8)]

    static func isExitMarker(_ line: [UInt8]) -> Bool {
        line.withUnsafeBufferPointer { haystack in
            exitMarkers.contains { marker in marker.withUnsafeBufferPointer { ExtractionRule.find($0, in: haystack) } }
        }
    }

    mutating func emitRing() {
            for offset in 0..<ring.count {
                let entry = ring[(ringNext + offset) % ring.count]
                if entry.number > lastEmitted, entry.number > 0 { emit(entry.number, entry.bytes) }
            }
    }

    /// Where a line's text starts after the runner's prefixes (`gh run view` job and step, timestamp).
    static func contentStart(_ line: [UInt8]) -> Int {
        var start = 0
        if let tab = line.prefix(256).firstIndex(of: 0x09), let second = line[(tab + 1)...].prefix(256).firstIndex(of: 0x09),
           second + 1 < line.count, (0x30...0x39).contains(line[second + 1]) {
            start = second + 1
        }
        if line.count > start + 20, line[start + 4] == UInt8(ascii: "-"), line[start + 10] == UInt8(ascii: "T"),
           (0x30...0x39).contains(line[start]), let z = line[start..<min(line.count, start + 40)].firstIndex(of: UInt8(ascii: "Z")) {
            start = z + 1
            if start < line.count, line[start] == 0x20 { start += 1 }
        }
        return start
    }

    mutating func emit(_ number: Int, _ bytes: [UInt8]) {
        guard number > lastEmitted else { return }
        lastEmitted = number
        let text = bytes.withUnsafeBufferPointer { LogReader.clean($0[...]) }
        candidates.append(LogLine(number: number, text: text))
        if candidates.count > maxCandidates { candidates.removeFirst(candidates.count - maxCandidates / 2) }
    }
}
