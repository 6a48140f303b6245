import Crypto
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// The key that signs checkpoints. It lives in a file of the state directory (mode 0600), never in the
/// database: whoever can write a checkpoint row cannot make the worker resume it.
public struct CheckpointKey: Sendable {
    /// The key's bytes (`SymmetricKey` is not `Sendable`).
    let bytes: Data

    public init(key: SymmetricKey) {
        self.bytes = key.withUnsafeBytes { Data($0) }
    }

    /// Reads the key at `path`, creating it (32 random bytes, 0600) on first start.
    public static func loadOrCreate(at path: String) throws -> CheckpointKey {
        let fm = FileManager.default
        if let data = fm.contents(atPath: path), data.count >= 32 {
            return CheckpointKey(key: SymmetricKey(data: data))
        }
        try fm.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        let key = SymmetricKey(size: .bits256)
        let data = key.withUnsafeBytes { Data($0) }
        // O_EXCL: two workers starting at once agree on the first key written.
        let fd = Glibc.open(path, O_WRONLY | O_CREAT | O_EXCL, 0o600)
        if fd < 0 {
            guard errno == EEXIST, let existing = fm.contents(atPath: path), existing.count >= 32 else {
                throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: path])
            }
            return CheckpointKey(key: SymmetricKey(data: existing))
        }
        defer { close(fd) }
        let written = data.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        guard written == data.count, fsync(fd) == 0 else { throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path]) }
        return CheckpointKey(key: key)
    }

    /// The stored form of a checkpoint: `hmac-sha256:<hex>\n<json>`, bound to the job and stage.
    func seal(_ json: String, job: Int64, stage: String) -> String {
        "hmac-sha256:\(mac(json, job: job, stage: stage))\n\(json)"
    }

    /// The JSON of a stored checkpoint, or nil when its signature does not hold (forged, or from another key).
    func unseal(_ stored: String, job: Int64, stage: String) -> String? {
        guard stored.hasPrefix("hmac-sha256:"), let newline = stored.firstIndex(of: "\n") else { return nil }
        let given = String(stored[stored.index(stored.startIndex, offsetBy: 12)..<newline])
        let json = String(stored[stored.index(after: newline)...])
        let expected = mac(json, job: job, stage: stage)
        // Constant time: compare every byte whatever the first difference.
        guard given.utf8.count == expected.utf8.count else { return nil }
        return zip(given.utf8, expected.utf8).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0 ? json : nil
    }

    private func mac(_ json: String, job: Int64, stage: String) -> String {
        let code = HMAC<SHA256>.authenticationCode(for: Data("\(job)\n\(stage)\n\(json)".utf8), using: SymmetricKey(data: bytes))
        return code.map { String(format: "%02x", $0) }.joined()
    }
}
