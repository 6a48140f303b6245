import Foundation
import Logging

/// Removes a tree the sandbox may have written: it can leave directories without permissions, which a
/// plain removal stops at. Whatever cannot be removed is left in place (never reused: run paths are unique).
enum ScratchTree {
    static func remove(_ path: String, logger: Logger) {
        let fm = FileManager.default
        guard fm.fileExists(atPath: path) else { return }
        if (try? fm.removeItem(atPath: path)) != nil { return }
        // Give the owner back every permission, top down (a directory must be enterable before its children).
        if let walker = fm.enumerator(atPath: path) {
            chmod(path, 0o700)
            while let relative = walker.nextObject() as? String {
                let full = "\(path)/\(relative)"
                var info = stat()
                if lstat(full, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR { chmod(full, 0o700) }
            }
        }
        chmod(path, 0o700)
        do {
            try fm.removeItem(atPath: path)
        } catch {
            logger.error("could not remove a sandbox tree; it is left in place and never reused", metadata: ["path": "\(path)", "error": "\(error)"])
        }
    }
}
