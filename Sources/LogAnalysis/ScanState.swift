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
        table.withUnsafeBufferPointer { table in
            var lineStart = 0
            var index = 0
            let count = bytes.count
            var state = automaton
            var hit = matched
            while index < count {
                let byte = bytes[index]
                if byte == 0x0A {
                    append(UnsafeRawBufferPointer(rebasing: bytes[lineStart..<index]))
                    matched = hit
                    endLine()
                    hit = false
                    state = 0
                    index += 1
                    lineStart = index
                    continue
                }
                if !hit {
                    state = table[Int(state) << 8 | Int(byte)]
                    if state & NeedleAutomaton.accepting != 0 { hit = true }
                    state &= ~NeedleAutomaton.accepting
                }
                index += 1
            }
            append(UnsafeRawBufferPointer(rebasing: bytes[lineStart..<count]))
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
        let content = Self.contentStart(line)
        let startsShellCommand = line.count > content + 1 && line[content] == UInt8(ascii: "$") && line[content + 1] == 0x20
        let indented = content < line.count && (line[content] == 0x20 || line[content] == 0x09)
        let empty = content >= line.count
        if matched || startsShellCommand {
            // The lines before a match: the context the region rules read.
            for offset in 0..<ring.count {
                let entry = ring[(ringNext + offset) % ring.count]
                if entry.number > lastEmitted, entry.number > 0 { emit(entry.number, entry.bytes) }
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
