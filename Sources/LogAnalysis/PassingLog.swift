/// A passing log of the same job, to tell a failing log's news from its routine (the CiDiff technique, Hubner
/// et al., ISSTA 2025): lines that also occur in the passing log, once timestamps, durations, counters,
/// hashes, temporary paths and addresses are normalised away, are not what failed. A block made only of
/// such lines drops out; a block partly made of them loses rank in proportion.
public struct PassingLog: Sendable {
    /// Normalised lines of the passing log, hashed (FNV-1a: memory stays 8 bytes a line whatever their length).
    let seen: Set<UInt64>

    public init(_ lines: [LogLine]) {
        var seen = Set<UInt64>(minimumCapacity: lines.count)
        for line in lines {
            let normal = Self.normalize(line.text)
            if !normal.isEmpty { seen.insert(Self.hash(normal)) }
        }
        self.seen = seen
    }

    public var lineCount: Int { seen.count }

    /// Whether the failing log's line also occurs in the passing log.
    public func contains(_ text: String) -> Bool {
        let normal = Self.normalize(text)
        return !normal.isEmpty && seen.contains(Self.hash(normal))
    }

    /// The blocks re-ranked: each block's leading and trailing lines that the passing log also has are trimmed
    /// (context that was there when the job passed); a block made only of such lines drops out; one partly made
    /// of them loses that share of its score, halved. Then the best `top`. `text` gives a line's text by number
    /// (the scan's candidate lines); a line it does not know counts as news.
    public func rerank(_ blocks: [ErrorBlock], text: (Int) -> String?, top: Int) -> [ErrorBlock] {
        var kept: [ErrorBlock] = []
        for block in blocks {
            func routine(_ number: Int) -> Bool {
                guard let line = text(number) else { return false }
                let normal = Self.normalize(line)
                return normal.isEmpty || seen.contains(Self.hash(normal))
            }
            var start = block.startLine
            var end = block.endLine
            while start <= end, routine(start) { start += 1 }
            guard start <= end else { continue }
            while end > start, routine(end) { end -= 1 }
            // Blank lines say nothing either way: the share is of the lines with text.
            let worded = (start...end).filter { number in text(number).map { !Self.normalize($0).isEmpty } ?? true }
            let inner = worded.filter(routine).count
            var reranked = block
            reranked.startLine = start
            reranked.endLine = end
            reranked.score = block.score * (1 - Double(inner) / Double(max(worded.count, 1)) / 2)
            kept.append(reranked)
        }
        // Stable for equal scores: the extractor's own order stands.
        return kept.enumerated().sorted { ($0.element.score, -$0.offset) > ($1.element.score, -$1.offset) }.prefix(top).map(\.element)
    }

    /// The line without what differs from run to run: the Actions timestamp (and `gh run view`'s job and step
    /// columns), colour codes, numbers (counts, durations, line numbers, ports), hex strings of 7 or more
    /// characters with a digit (commit ids, addresses, UUIDs), and temporary paths; whitespace collapsed.
    public static func normalize(_ raw: String) -> String {
        var text = Substring(raw)
        // `gh run view --log`: job<TAB>step<TAB>timestamp line.
        if let tab = text.lastIndex(of: "\t") { text = text[text.index(after: tab)...] }
        if text.count > 28, text.first?.isNumber == true, let space = text.firstIndex(of: " "),
            text[text.startIndex..<space].contains("T"), text[text.startIndex..<space].hasSuffix("Z")
        {
            text = text[text.index(after: space)...]
        }
        var out = ""
        out.reserveCapacity(text.utf8.count)
        var token = ""
        var scalars = text.unicodeScalars.makeIterator()
        while let scalar = scalars.next() {
            if scalar == "\u{1B}" {
                // ESC [ parameters final-letter
                while let next = scalars.next(), !(next.properties.isAlphabetic && next != "[") {}
                continue
            }
            if scalar.properties.isWhitespace {
                flush(&token, into: &out)
                continue
            }
            token.unicodeScalars.append(scalar)
        }
        flush(&token, into: &out)
        return out
    }

    static func flush(_ token: inout String, into out: inout String) {
        guard !token.isEmpty else { return }
        if !out.isEmpty { out += " " }
        out += normalToken(token)
        token = ""
    }

    static func normalToken(_ token: String) -> String {
        for prefix in ["/tmp/", "/var/folders/", "/private/var/", "/home/runner/work/_temp/", "C:\\Users\\runneradmin\\AppData\\Local\\Temp\\"]
        where token.hasPrefix(prefix) {
            return prefix + "*"
        }
        var out = ""
        var hexRun = ""
        func endRun() {
            guard !hexRun.isEmpty else { return }
            let hasDigit = hexRun.contains { $0.isNumber }
            if hexRun.count >= 7, hasDigit, hexRun.allSatisfy({ $0.isHexDigit || $0 == "-" }) {
                out += "#"
            } else if hasDigit {
                // Digit runs become one 0; letters stay (`v2` and `v3` differ only in number).
                var previousDigit = false
                for character in hexRun {
                    if character.isNumber {
                        if !previousDigit { out += "0" }
                        previousDigit = true
                    } else {
                        out.append(character)
                        previousDigit = false
                    }
                }
            } else {
                out += hexRun
            }
            hexRun = ""
        }
        for character in token {
            if character.isHexDigit || character == "-" || (character.isNumber) {
                hexRun.append(character)
            } else if character == ".", hexRun.last?.isNumber == true {
                hexRun.append(character)  // 1.25s, 3.14
            } else {
                endRun()
                if character.isNumber { out += "0" } else { out.append(character) }
            }
        }
        endRun()
        return out
    }

    /// FNV-1a over the UTF-8 bytes.
    static func hash(_ text: String) -> UInt64 {
        text.utf8.reduce(0xcbf2_9ce4_8422_2325) { ($0 ^ UInt64($1)) &* 0x100_0000_01b3 }
    }
}
