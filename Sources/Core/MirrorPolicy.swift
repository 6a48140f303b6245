/// How much of a repository its mirror holds. A monorepo's full clone is its whole history's blobs; a job
/// reads one commit's files (and the few its diffs touch), so by default the mirror is a partial clone
/// that fetches commits and trees, then exactly the blobs of the commits a job reads.
public struct MirrorPolicy: Sendable, Hashable {
    /// `--filter=blob:none`: blobs come only when a job needs them (`github.mirror_partial`).
    public var partial: Bool
    /// Commits of history fetched below a job's commit; 0 is all (`github.mirror_depth`). 1 gives up the
    /// breaking commit's diff and the changes since the last green run, for the smallest download.
    public var depth: Int

    public init(partial: Bool = true, depth: Int = 0) {
        self.partial = partial
        self.depth = depth
    }
}
