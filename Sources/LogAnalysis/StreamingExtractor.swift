#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The extractor over a log of any size in bounded memory: bytes are read in chunks, every line goes
/// through the needle automaton, and only candidate lines (matches, their continuation lines, the
/// lines before a step's exit marker) are decoded and handed to `ErrorExtractor`.
public struct StreamingExtractor: Sendable {
    /// Candidate lines kept; beyond it the oldest go (the end of a log matters most).
    public var maxCandidates = 20_000
    /// Bytes of a line kept for analysis; the rest of a longer line is scanned, not stored.
    public var maxLineBytes = 4096
    public var extractor = ErrorExtractor()

    /// Colour codes can split a needle in the raw bytes (`[ESC[31merrorESC[0m]`); these catch the usual red labels.
    static let colouredNeedles = ["31merror", "31mERROR", "31mFailure", "31mFAIL", "31m✗", "31m❌"]
    static let automaton = NeedleAutomaton(
        ExtractionRules.all.flatMap { $0.needles + $0.until + $0.section } + ["##[group]Run ", "exited with", "recipe for target"] + colouredNeedles)

    public init() {}

    /// The scan's result: the candidate lines and how many lines the log had.
    public struct Scan: Sendable {
        public var candidates: [LogLine]
        public var totalLines: Int
    }

    /// Scans what `read` returns until it returns 0 bytes; `read` fills the buffer and returns the count.
    public func scan(read: (UnsafeMutableRawBufferPointer) throws -> Int, chunkSize: Int = 1 << 20) rethrows -> Scan {
        var state = ScanState(maxCandidates: maxCandidates, maxLineBytes: maxLineBytes)
        defer { state.release() }
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: chunkSize, alignment: 16)
        defer { buffer.deallocate() }
        while true {
            let count = try read(buffer)
            guard count > 0 else { break }
            state.consume(UnsafeRawBufferPointer(rebasing: buffer[0..<count]), table: Self.automaton.table)
        }
        state.finish()
        return Scan(candidates: state.candidates, totalLines: state.number - 1)
    }

    /// Scans a file in place through a read-only mapping, a chunk at a time, each chunk's pages
    /// released once read, so memory stays bounded whatever the file's size. Nil when it cannot be mapped.
    public func scan(mappedFile fd: Int32, chunkSize: Int = 4 << 20) -> Scan? {
        var status = stat()
        guard fstat(fd, &status) == 0, status.st_mode & S_IFMT == S_IFREG, status.st_size > 0 else { return nil }
        let size = Int(status.st_size)
        guard let base = mmap(nil, size, PROT_READ, MAP_PRIVATE, fd, 0), base != MAP_FAILED else { return nil }
        defer { munmap(base, size) }
        _ = madvise(base, size, MADV_SEQUENTIAL)
        var state = ScanState(maxCandidates: maxCandidates, maxLineBytes: maxLineBytes)
        defer { state.release() }
        var offset = 0
        while offset < size {
            let count = min(chunkSize, size - offset)
            state.consume(UnsafeRawBufferPointer(start: base + offset, count: count), table: Self.automaton.table)
            // The ring may still point into this chunk; pages are dropped only after it was copied out.
            _ = madvise(base + offset, count & ~(Int(getpagesize()) - 1), MADV_DONTNEED)
            offset += count
        }
        state.finish()
        return Scan(candidates: state.candidates, totalLines: state.number - 1)
    }

    public func scan(_ bytes: [UInt8]) -> Scan {
        var offset = 0
        return bytes.withUnsafeBytes { source in
            scan(read: { buffer in
                let count = min(buffer.count, source.count - offset)
                if count > 0 { buffer.copyMemory(from: UnsafeRawBufferPointer(rebasing: source[offset..<(offset + count)])) }
                offset += count
                return count
            })
        }
    }

    public func blocks(_ scan: Scan, passing: PassingLog? = nil, top: Int = 3) -> [ErrorBlock] {
        extractor.blocks(scan.candidates, totalLines: scan.totalLines, passing: passing, top: top)
    }

    public func candidates(_ scan: Scan, top: Int = 3) -> CandidateSet {
        extractor.candidates(scan.candidates, totalLines: scan.totalLines, top: top)
    }
}
