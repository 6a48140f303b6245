/// An Aho–Corasick automaton over bytes, compiled to a dense transition table: one lookup per byte
/// says whether any needle has ended at that byte. It is the extractor's prefilter.
struct NeedleAutomaton: Sendable {
    /// `table[state << 8 | byte]`: the next state, with `accepting` set when a needle ends there.
    let table: [UInt32]
    static let accepting: UInt32 = 1 << 31

    init(_ needles: [String]) {
        var goto: [[UInt8: Int]] = [[:]]
        var output: [Bool] = [false]
        for needle in Set(needles) where !needle.isEmpty {
            var state = 0
            for byte in needle.utf8 {
                if let next = goto[state][byte] {
                    state = next
                } else {
                    goto.append([:])
                    output.append(false)
                    goto[state][byte] = goto.count - 1
                    state = goto.count - 1
                }
            }
            output[state] = true
        }
        // Breadth-first failure links, folded into a full transition table.
        var fail = [Int](repeating: 0, count: goto.count)
        var table = [UInt32](repeating: 0, count: goto.count << 8)
        var queue: [Int] = []
        for byte in 0..<256 {
            if let next = goto[0][UInt8(byte)] {
                queue.append(next)
                table[byte] = UInt32(next)
            }
        }
        var head = 0
        while head < queue.count {
            let state = queue[head]
            head += 1
            output[state] = output[state] || output[fail[state]]
            for byte in 0..<256 {
                if let next = goto[state][UInt8(byte)] {
                    fail[next] = Int(table[fail[state] << 8 | byte] & ~Self.accepting)
                    queue.append(next)
                    table[state << 8 | byte] = UInt32(next)
                } else {
                    table[state << 8 | byte] = table[fail[state] << 8 | byte] & ~Self.accepting
                }
            }
        }
        // Mark transitions into accepting states (outputs are final now that all links are known).
        for index in table.indices where output[Int(table[index] & ~Self.accepting)] {
            table[index] |= Self.accepting
        }
        self.table = table
    }
}
