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
    /// The last lines seen, for the context before an exit marker: views into the current chunk,
    /// copied out (at most 8) only when the chunk is about to be reused.
    var ring: [(number: Int, view: UnsafeBufferPointer<UInt8>?, owned: [UInt8], emitted: Bool)] = Array(repeating: (0, nil, [], false), count: 32)
    var ringNext = 0
    /// Lines after a match still kept while they continue it (indented).
    var follow = 0
    /// Lines after a heading still kept whatever their indentation.
    var paragraph = 0
    var lastEmitted = 0

    init(maxCandidates: Int, maxLineBytes: Int) {
        self.maxCandidates = maxCandidates
        self.maxLineBytes = maxLineBytes
        line.reserveCapacity(maxLineBytes)
    }

    /// Line ends per stream, the top bit saying the line hit a needle; sized for the largest chunk.
    var events = UnsafeMutableBufferPointer<UInt32>(start: nil, count: 0)

    /// Two passes per chunk. First the automaton runs over four parts of the chunk at once, each starting at
    /// a line (four independent chains of table lookups keep the core busy where one would wait on each
    /// load; two streams left half of it idle), recording where lines end and which hit a needle; then the
    /// lines are handled in order.
    mutating func consume(_ bytes: UnsafeRawBufferPointer, table: [UInt32]) {
        guard let base = bytes.baseAddress?.assumingMemoryBound(to: UInt8.self) else { return }
        let count = bytes.count
        if events.count < count + 4 {
            events.deallocate()
            events = .allocate(capacity: count + 4)
        }
        // Part k runs from bounds[k] to bounds[k + 1]; each later part starts after a newline. A part has at
        // most as many line ends as bytes, so its events fit in the buffer from its own start offset.
        var bounds = (0, count, count, count, count)
        if count > 4096 {
            func lineAfter(_ from: Int) -> Int {
                guard from < count, let newline = memchr(base + from, 0x0A, count - from) else { return count }
                return base.distance(to: newline.assumingMemoryBound(to: UInt8.self)) + 1
            }
            bounds.1 = lineAfter(count / 4)
            bounds.2 = max(bounds.1, lineAfter(count / 2))
            bounds.3 = max(bounds.2, lineAfter(count * 3 / 4))
        }
        let out = events.baseAddress!
        let mask: UInt32 = ~NeedleAutomaton.accepting
        var state = (automaton, UInt32(0), UInt32(0), UInt32(0))
        var hit: (UInt32, UInt32, UInt32, UInt32) = (matched ? 1 : 0, 0, 0, 0)
        var at = (bounds.0, bounds.1, bounds.2, bounds.3)
        var recorded = (0, 0, 0, 0)
        let shortest = min(bounds.1 - bounds.0, bounds.2 - bounds.1, bounds.3 - bounds.2, bounds.4 - bounds.3)
        table.withUnsafeBufferPointer { table in
            let t = table.baseAddress!
            for _ in 0..<shortest {
                Self.step(base[at.0], at.0, &state.0, &hit.0, out + bounds.0, &recorded.0, t)
                Self.step(base[at.1], at.1, &state.1, &hit.1, out + bounds.1 + 1, &recorded.1, t)
                Self.step(base[at.2], at.2, &state.2, &hit.2, out + bounds.2 + 2, &recorded.2, t)
                Self.step(base[at.3], at.3, &state.3, &hit.3, out + bounds.3 + 3, &recorded.3, t)
                at.0 += 1
                at.1 += 1
                at.2 += 1
                at.3 += 1
            }
            while at.0 < bounds.1 {
                Self.step(base[at.0], at.0, &state.0, &hit.0, out + bounds.0, &recorded.0, t)
                at.0 += 1
            }
            while at.1 < bounds.2 {
                Self.step(base[at.1], at.1, &state.1, &hit.1, out + bounds.1 + 1, &recorded.1, t)
                at.1 += 1
            }
            while at.2 < bounds.3 {
                Self.step(base[at.2], at.2, &state.2, &hit.2, out + bounds.2 + 2, &recorded.2, t)
                at.2 += 1
            }
            while at.3 < bounds.4 {
                Self.step(base[at.3], at.3, &state.3, &hit.3, out + bounds.3 + 3, &recorded.3, t)
                at.3 += 1
            }
        }
        var lineStart = 0
        for (stream, total) in [
            (out + bounds.0, recorded.0), (out + bounds.1 + 1, recorded.1), (out + bounds.2 + 2, recorded.2), (out + bounds.3 + 3, recorded.3),
        ] {
            for index in 0..<total {
                let event = stream[index]
                let end = Int(event & mask)
                matched = matched || event >> 31 != 0
                if line.isEmpty {
                    // The whole line is in this chunk: look at it in place.
                    endLine(UnsafeBufferPointer(start: base + lineStart, count: min(end - lineStart, maxLineBytes)), inChunk: true)
                } else {
                    append(UnsafeRawBufferPointer(start: base + lineStart, count: end - lineStart))
                    let carried = line
                    carried.withUnsafeBufferPointer { endLine($0, inChunk: false) }
                }
                lineStart = end + 1
            }
        }
        append(UnsafeRawBufferPointer(start: base + lineStart, count: count - lineStart))
        // The chunk's memory is reused next: copy out the ring's views of it.
        for slot in ring.indices {
            if let view = ring[slot].view {
                ring[slot].owned = Array(view)
                ring[slot].view = nil
            }
        }
        // The unfinished last line continues in the next chunk with the automaton where the last part that
        // holds any byte stopped (the first part carries the line it began with).
        if bounds.3 < count {
            (automaton, matched) = (state.3, hit.3 != 0)
        } else if bounds.2 < count {
            (automaton, matched) = (state.2, hit.2 != 0)
        } else if bounds.1 < count {
            (automaton, matched) = (state.1, hit.1 != 0)
        } else {
            automaton = state.0
            matched = matched || hit.0 != 0
        }
    }

    /// One byte of one stream: a line end is recorded with its hit bit; otherwise the automaton moves
    /// on, until the line has hit (then the rest of it needs no lookups).
    @inline(__always)
    static func step(
        _ byte: UInt8, _ position: Int, _ state: inout UInt32, _ hit: inout UInt32,
        _ events: UnsafeMutablePointer<UInt32>, _ recorded: inout Int, _ table: UnsafePointer<UInt32>
    ) {
        if byte == 0x0A {
            events[recorded] = UInt32(position) | hit << 31
            recorded += 1
            state = 0
            hit = 0
        } else if hit == 0 {
            let next = table[Int(state) << 8 | Int(byte)]
            hit = next >> 31
            state = next & ~NeedleAutomaton.accepting
        }
    }

    func release() {
        events.deallocate()
    }

    mutating func append(_ bytes: UnsafeRawBufferPointer) {
        let room = maxLineBytes - line.count
        guard room > 0, !bytes.isEmpty, let base = bytes.baseAddress else { return }
        // A typed contiguous buffer: Array appends it with one copy, not byte by byte.
        line.append(contentsOf: UnsafeBufferPointer(start: base.assumingMemoryBound(to: UInt8.self), count: min(room, bytes.count)))
    }

    mutating func finish() {
        if !line.isEmpty {
            let carried = line
            carried.withUnsafeBufferPointer { endLine($0, inChunk: false) }
        }
    }

    /// One finished line; `inChunk` when `text` points into the chunk (the ring may keep the view).
    mutating func endLine(_ text: UnsafeBufferPointer<UInt8>, inChunk: Bool) {
        // Most lines neither match nor follow a match nor hold a `$`: they cost nothing more.
        let interesting = matched || follow > 0 || (text.baseAddress.map { memchr($0, 0x24, min(48, text.count)) != nil } ?? false)
        if interesting {
            let content = LogReader.contentStart(text)
            let startsShellCommand = text.count > content + 1 && text[content] == UInt8(ascii: "$") && text[content + 1] == 0x20
            let indented = content < text.count && (text[content] == 0x20 || text[content] == 0x09)
            let empty = text[content...].allSatisfy { $0 == 0x0D || $0 == 0x20 || $0 == 0x09 }
            if matched || startsShellCommand {
                // The lines before a step's exit marker: the failing command's tail, which the region rule reads.
                // Node's load-error preamble (file:line, source, caret) sits above its error.
                if matched { emitRing(last: Self.isExitMarker(text) ? ring.count : caretAbove() ? 4 : 1) }
                emit(number, Array(text))
                follow = 41
                // A heading (`Failure:`) is followed by a paragraph, indented or not.
                paragraph = matched && Self.opensParagraph(text[content...]) ? 40 : max(paragraph - 1, 0)
            } else if follow > 0 {
                // A blank line may sit inside an indented continuation (xcpretty's summary, a diff).
                follow = indented || empty || paragraph > 0 || LineShape.isGutter(text[content...]) ? follow - 1 : 0
                paragraph = max(paragraph - 1, 0)
                // The first line after an indented run (a traceback's exception) is kept too.
                emit(number, Array(text))
            }
        }
        ring[ringNext].number = number
        ring[ringNext].emitted = lastEmitted == number
        if inChunk {
            ring[ringNext].view = text
        } else {
            ring[ringNext].view = nil
            ring[ringNext].owned = Array(text)
        }
        ringNext = (ringNext + 1) % ring.count
        line.removeAll(keepingCapacity: true)
        matched = false
        number += 1
    }

    /// The needles of rules whose block is a paragraph (`[-] ` for Pester), as line prefixes.
    static let paragraphPrefixes = ExtractionRules.all.filter(\.paragraph).flatMap(\.needles).map { Array($0.utf8) }

    /// A heading, or a line that starts the way a paragraph rule's line does.
    static func opensParagraph(_ text: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
        // Colour codes and indentation before the text do not count.
        var trimmed = text[...]
        while let first = trimmed.first {
            if first == 0x20 || first == 0x09 {
                trimmed = trimmed.dropFirst()
            } else if first == 0x1B, let end = trimmed.firstIndex(where: { (0x40...0x7E).contains($0) && $0 != 0x5B }) {
                trimmed = trimmed[trimmed.index(after: end)...]
            } else {
                break
            }
        }
        return isHeading(text) || paragraphPrefixes.contains { trimmed.starts(with: $0) }
    }

    /// A short line that ends in a colon and holds no space: `Failure:`, `Error:`.
    static func isHeading(_ text: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
        var trimmed = text
        while let last = trimmed.last, last == 0x20 || last == 0x0D || last == 0x09 { trimmed = trimmed.dropLast() }
        return trimmed.count <= 24 && trimmed.last == UInt8(ascii: ":") && !trimmed.contains(0x20)
    }

    /// Whether one of the three lines above holds only carets and tildes.
    func caretAbove() -> Bool {
        (1...3).contains { back in
            let entry = ring[(ringNext - back + ring.count) % ring.count]
            return entry.view.map(LineShape.isCaretLine) ?? LineShape.isCaretLine(entry.owned)
        }
    }

    static let exitMarkers = ["Process completed with exit code", "exited with", "Command failed with exit code", "ELIFECYCLE", ": *** [", "recipe for target"]
        .map { Array($0.utf8) }

    static func isExitMarker(_ haystack: UnsafeBufferPointer<UInt8>) -> Bool {
        exitMarkers.contains { marker in marker.withUnsafeBufferPointer { ExtractionRule.find($0, in: haystack) } }
    }

    /// The last `last` lines before the current one, as candidates (the context a block may reach back to).
    mutating func emitRing(last: Int) {
        for offset in (ring.count - last)..<ring.count {
            let slot = (ringNext + offset) % ring.count
            let entry = ring[slot]
            guard entry.number > 0, !entry.emitted else { continue }
            ring[slot].emitted = true
            let bytes = entry.view.map { Array($0) } ?? entry.owned
            if entry.number > lastEmitted {
                emit(entry.number, bytes)
            } else {
                // Kept already around an earlier match in these lines: slot it in among them.
                let text = bytes.withUnsafeBufferPointer { LogReader.clean($0[...]) }
                let position = candidates.lastIndex { $0.number < entry.number }.map { $0 + 1 } ?? 0
                candidates.insert(LogLine(number: entry.number, text: text), at: position)
            }
        }
    }

    mutating func emit(_ number: Int, _ bytes: [UInt8]) {
        guard number > lastEmitted else { return }
        lastEmitted = number
        let text = bytes.withUnsafeBufferPointer { LogReader.clean($0[...]) }
        candidates.append(LogLine(number: number, text: text))
        if candidates.count > maxCandidates { candidates.removeFirst(candidates.count - maxCandidates / 2) }
    }
}
