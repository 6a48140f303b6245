import Foundation
import TestSupport

/// A unix datagram socket standing in for systemd's notify socket.
final class NotifySocket: @unchecked Sendable {
    let path: String
    private let fd: Int32

    init(directory: URL) throws {
        // sun_path holds 108 bytes; temp directories can be long, so bind in /tmp.
        path = "/tmp/autofix-notify-\(UUID().uuidString.prefix(8)).sock"
        fd = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue), 0)
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { $0.copyBytes(from: Array(path.utf8)) }
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        guard fd >= 0, bound == 0 else { throw POSIXError(.EADDRNOTAVAIL) }
        var timeout = timeval(tv_sec: 0, tv_usec: 50_000)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
    }

    deinit {
        close(fd)
        unlink(path)
    }

    /// One datagram, or nil when none arrived within 50 ms.
    func receive() -> String? {
        var buffer = [UInt8](repeating: 0, count: 4096)
        let count = recv(fd, &buffer, buffer.count, 0)
        guard count > 0 else { return nil }
        return String(decoding: buffer[..<count], as: UTF8.self)
    }

    /// Collects datagrams until one contains `needle`.
    func waitFor(_ needle: String, timeout: Duration = .seconds(30), into seen: inout [String]) async throws {
        var collected = seen
        try await Poll.until(timeout: timeout, "systemd hears \(needle)", every: .milliseconds(1)) {
            while let message = self.receive() { collected.append(message) }
            return collected.contains { $0.contains(needle) }
        }
        seen = collected
    }
}
