import Foundation

/// A tree under test as an overlay: a checkout made once per job is the read-only lower layer, and each
/// test run writes only to its own upper layer. Bubblewrap 0.8 cannot mount overlays (its `--overlay`
/// options came in 0.10), so a user and mount namespace of the worker's own (`unshare`, util-linux) mounts
/// it and bubblewrap is started inside, binding the merged tree as `/src` as it would a plain directory.
/// Unprivileged overlay mounts need Linux 5.11 or later; `TestSandbox.overlayUnavailable` says whether
/// this host has them.
public struct OverlayMount: Sendable, Hashable {
    public var lower: String
    public var upper: String
    public var work: String
    public var merged: String

    public init(lower: String, upper: String, work: String, merged: String) {
        self.lower = lower
        self.upper = upper
        self.work = work
        self.merged = merged
    }

    /// The layers of a run under `scratch`, over `lower`.
    public init(lower: String, scratch: String) {
        self.init(lower: lower, upper: "\(scratch)/upper", work: "\(scratch)/work", merged: "\(scratch)/merged")
    }

    /// Created when the mount fails: outside the upper layer, where nothing the tests run can write it.
    public var failureFile: String { "\((upper as NSString).deletingLastPathComponent)/overlay-mount-failed" }

    /// The mount option string gives `,`, `:` and `\` meaning; paths holding them are not mounted.
    public var isMountable: Bool {
        [lower, upper, work, merged, failureFile].allSatisfy { path in path.hasPrefix("/") && !path.contains(where: { ",:\\\n\"".contains($0) }) }
    }

    /// `arguments`, started in a new user and mount namespace where the overlay is mounted at `merged`.
    /// The namespace's root is the worker's own user; nothing outside it sees the mount. `userxattr` keeps
    /// overlay's own marks in `user.overlay.*`, so a committed directory can be removed and made again
    /// (without it, `rm -rf build && mkdir build` fails on the tree) and the tests cannot forge a mark
    /// (they can only write `user.overlay.overlay.*`).
    func wrap(_ arguments: [String]) -> [String] {
        [
            "unshare", "--user", "--map-root-user", "--mount", "--", "/bin/sh", "-c",
            "mount -t overlay overlay -o \"lowerdir=$1,upperdir=$2,workdir=$3,userxattr\" \"$4\" || { : > \"$5\"; exit 125; }; shift 5; exec \"$@\"",
            "sh", lower, upper, work, merged, failureFile,
        ] + arguments
    }
}
