import Foundation

/// Keeps the last `limit` bytes of each stream; written from Foundation's reader threads.
final class OutputCollector: @unchecked Sendable {
    enum Stream { case out, err }

    private let lock = NSLock()
    private let limit: Int
    private var out = Data()
    private var err = Data()

    init(limit: Int) {
        self.limit = limit
    }

    func append(_ data: Data, to stream: Stream) {
        guard !data.isEmpty else { return }
        lock.withLock {
            // In place: a copy of everything kept per chunk made a 15 MB listing cost a gigabyte of copying.
            switch stream {
            case .out: Self.append(data, to: &out, limit)
            case .err: Self.append(data, to: &err, limit)
            }
        }
    }

    private static func append(_ data: Data, to kept: inout Data, _ limit: Int) {
        kept.append(data)
        if kept.count > limit { kept = kept.suffix(limit) }
    }

    func contents() -> (String, String) {
        lock.withLock { (String(decoding: out, as: UTF8.self), String(decoding: err, as: UTF8.self)) }
    }
}
