import ChildProcess
import Foundation
import Logging

/// Removes a tree the sandbox may have written: it can leave directories without permissions, paths
/// longer than PATH_MAX and names that are not UTF-8, which Foundation's removal stops at. coreutils'
/// `chmod -R` and `rm -rf` walk with *at() calls on raw names and never follow symlinks. Whatever still
/// cannot be removed is left in place, logged, and never reused (run paths are unique).
enum ScratchTree {
    static func remove(_ path: String, logger: Logger) async {
        guard FileManager.default.fileExists(atPath: path) else { return }
        let runner = ProcessRunner(outputLimit: 4 << 10)
        _ = try? await runner.run(["chmod", "-R", "u+rwx", "--", path], timeout: .seconds(300))
        let removed = try? await runner.run(["rm", "-rf", "--", path], timeout: .seconds(300))
        if removed?.succeeded != true || FileManager.default.fileExists(atPath: path) {
            logger.error(
                "could not remove a sandbox tree; it is left in place and never reused",
                metadata: ["path": "\(path)", "error": "\(removed?.stderr.prefix(300) ?? "")"])
        }
    }
}
