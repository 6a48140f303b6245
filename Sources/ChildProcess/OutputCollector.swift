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
            switch stream {
            case .out: out = Self.tail(out + data, limit)
            case .err: err = Self.tail(err + data, limit)
            }
        }
    }

    func contents() -> (String, String) {
        lock.withLock { (String(decoding: out, as: UTF8.self), String(decoding: err, as: UTF8.self)) }
    }

    private static func tail(_ data: Data, _ limit: Int) -> Data {
        data.count > limit ? data.suffix(limit) : data
    }
}
