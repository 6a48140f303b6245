/// A passing log of the same job, to tell a failing log's news from its routine (the CiDiff technique, Hubner
/// et al., ISSTA 2025): lines that also occur in the passing log, once timestamps, durations, counters,
/// hashes, temporary paths and addresses are normalised away, are not what failed. A block made only of
/// such lines drops out; a block partly made of them loses rank in proportion.
public struct PassingLog: Sendable {
    /// Normalised lines of the passing log, hashed (memory stays 8 bytes a line whatever their length).
    let seen: Set<UInt64>

    public init(_ lines: [LogLine]) {
        var seen = Set<UInt64>(minimumCapacity: lines.count)
        for line in lines {
            let normal = Self.normalize(line.text)
            if !normal.isEmpty { seen.insert(FNV1a.hash(normal)) }
        }
        self.seen = seen
    }

    public var lineCount: Int { seen.count }

    /// Whether the failing log's line also occurs in the passing log.
    public func contains(_ text: String) -> Bool {
        let normal = Self.normalize(text)
        return !normal.isEmpty && seen.contains(FNV1a.hash(normal))
    }

    /// The blocks re-ranked: each block's leading and trailing lines that the passing log also has are trimmed
    /// (context that was there when the job passed); a block made only of such lines drops out; one partly made
    /// of them loses that share of its score, halved. Then the best `top`. `text` gives a line's text by number
    /// (the scan's candidate lines); a line it does not know counts as news.
    public func rerank(_ blocks: [ErrorBlock], text: (Int) -> String?, top: Int) -> [ErrorBlock] {
        // Each line is normalised once however many blocks ask about it.
        var known: [Int: String?] = [:]
        func normal(_ number: Int) -> String? {
            if let cached = known[number] { return cached }
            let value = text(number).map(Self.normalize)
            known[number] = value
            return value
        }
        func routine(_ number: Int) -> Bool {
            guard let line = normal(number) else { return false }
            return line.isEmpty || seen.contains(FNV1a.hash(line))
        }
        var kept: [ErrorBlock] = []
        for block in blocks {
            var start = block.startLine
            var end = block.endLine
            while start <= end, routine(start) { start += 1 }
            guard start <= end else { continue }
            while end > start, routine(end) { end -= 1 }
            // Blank lines say nothing either way: the share is of the lines with text.
            let worded = (start...end).filter { normal($0).map { !$0.isEmpty } ?? true }
            let inner = worded.filter(routine).count
            var reranked = block
            if start != block.startLine, let first = text(start) { reranked.message = String(first.prefix(300)) }
            reranked.startLine = start
            reranked.endLine = end
            reranked.score = block.score * (1 - Double(inner) / Double(max(worded.count, 1)) / 2)
            kept.append(reranked)
        }
        // Everything was routine (a flaky test the green run failed and retried too): the passing log
        // cannot tell, so the extractor's own ranking stands.
        guard !kept.isEmpty else { return Array(blocks.prefix(top)) }
        // The extractor's order: keyword hits after named formats, then by score, stable for equal scores.
        return kept.enumerated().sorted { a, b in
            let (weakA, weakB) = (a.element.rule.hasPrefix("generic."), b.element.rule.hasPrefix("generic."))
            if weakA != weakB { return weakB }
            return (a.element.score, -a.offset) > (b.element.score, -b.offset)
        }.prefix(top).map(\.element)
    }

    /// The line without what differs from run to run: the Actions timestamp (and `gh run view`'s job and step
    /// columns), colour codes, numbers (counts, durations, line numbers, ports), hex strings of 7 or more
    /// characters with a digit (commit ids, addresses, UUIDs), and temporary paths; whitespace collapsed.
    public static func normalize(_ raw: String) -> String {
        var text = Substring(raw)
        // `gh run view --log`: job<TAB>step<TAB>timestamp line (lines the log reader has not cleaned).
        let columns = text.split(separator: "\t", maxSplits: 2, omittingEmptySubsequences: false)
        if columns.count == 3, columns[2].first?.isNumber == true, columns[2].prefix(30).contains("T") { text = columns[2] }
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
                // A decimal (a duration, a version) becomes 0.0; a whole number 0 if it is zero, else N: how
                // many files or seconds varies from run to run, whether any test failed does not. Letters
                // stay (`v2` and `v3` differ only in number).
                let decimal = hexRun.contains(".")
                var digits = ""
                func endDigits() {
                    guard !digits.isEmpty else { return }
                    out += decimal || digits.allSatisfy({ $0 == "0" }) ? "0" : "N"
                    digits = ""
                }
                for character in hexRun {
                    if character.isNumber {
                        digits.append(character)
                    } else {
                        endDigits()
                        out.append(character)
                    }
                }
                endDigits()
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
}
