import Foundation

/// The regular files of one commit's tree, indexed for a job's lookups: by path, by file name, and how
/// many sit under each directory. `TreeIndexCache` keeps one per repository and moves it to the next
/// job's commit by the diff between the two trees, so a monorepo's 200,000 entries are listed once, not
/// once per job.
public struct TreeIndex: Sendable {
    public private(set) var sha: String
    public private(set) var files: [String: TreeEntry] = [:]
    public private(set) var byName: [Substring: [String]] = [:]
    public private(set) var directoryFiles: [Substring: Int] = [:]

    public init(sha: String, entries: [TreeEntry]) {
        self.sha = sha
        files.reserveCapacity(entries.count)
        for entry in entries where entry.isRegularFile { insert(entry) }
    }

    public var count: Int { files.count }

    /// Every tracked path, in byte order (what `ls-tree` lists): for the few places that need the list.
    public var sortedPaths: [String] { files.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) } }

    /// Becomes the index of commit `sha`, whose tree differs from this one by `changes` (`diff-tree -r` records).
    public mutating func move(to sha: String, by changes: [TreeChange]) {
        self.sha = sha
        for change in changes {
            remove(change.path)
            if let entry = change.entry, entry.isRegularFile { insert(entry) }
        }
    }

    mutating func insert(_ entry: TreeEntry) {
        let path = entry.path
        if files.updateValue(entry, forKey: path) != nil { return }
        byName[Self.name(path), default: []].append(path)
        for directory in Self.directories(path) { directoryFiles[directory, default: 0] += 1 }
    }

    mutating func remove(_ path: String) {
        guard files.removeValue(forKey: path) != nil else { return }
        let name = Self.name(path)
        byName[name]?.removeAll { $0 == path }
        if byName[name]?.isEmpty == true { byName.removeValue(forKey: name) }
        for directory in Self.directories(path) {
            let left = (directoryFiles[directory] ?? 1) - 1
            directoryFiles[directory] = left > 0 ? left : nil
        }
    }

    /// The file name: what follows the last `/` (bytes, not characters: this runs per tracked file).
    static func name(_ path: String) -> Substring {
        path.utf8.lastIndex(of: UInt8(ascii: "/")).map { path[path.utf8.index(after: $0)...] } ?? path[...]
    }

    /// `a`, `a/b` for `a/b/c.py`.
    static func directories(_ path: String) -> [Substring] {
        var result: [Substring] = []
        var index = path.utf8.startIndex
        while let slash = path.utf8[index...].firstIndex(of: UInt8(ascii: "/")) {
            result.append(path[..<slash])
            index = path.utf8.index(after: slash)
        }
        return result
    }
}

/// One path that differs between two trees, and its entry in the newer one (nil: deleted).
public struct TreeChange: Sendable, Hashable {
    public var path: String
    public var entry: TreeEntry?

    /// The records of `diff-tree -r -z --raw --no-renames --no-abbrev`: `:old new oldsha newsha status\0path\0`.
    static func parse(raw: String) -> [TreeChange] {
        let fields = raw.split(separator: "\0", omittingEmptySubsequences: false)
        var changes: [TreeChange] = []
        var index = 0
        while index + 1 < fields.count {
            let meta = fields[index].split(separator: " ")
            if meta.count == 5, meta[0].hasPrefix(":") {
                let path = String(fields[index + 1])
                let deleted = meta[4] == "D"
                changes.append(TreeChange(path: path, entry: deleted ? nil : TreeEntry(mode: String(meta[1]), object: String(meta[3]), path: path)))
            }
            index += 2
        }
        return changes
    }
}

/// The last `TreeIndex` of each of the most recently used repositories.
public actor TreeIndexCache {
    let capacity: Int
    /// A diff longer than this rebuilds the index from a listing instead.
    let maxChanges: Int
    private var indexes: [String: TreeIndex] = [:]
    private var recent: [String] = []

    /// The cache of the mirrors under `root` in this process, shared by every pipeline built over them.
    public static func shared(root: String) -> TreeIndexCache {
        caches.withLock { caches in
            if let cache = caches[root] { return cache }
            let cache = TreeIndexCache()
            caches[root] = cache
            return cache
        }
    }

    private static let caches = LockedCaches()

    public init(capacity: Int = 8, maxChanges: Int = 20_000) {
        self.capacity = capacity
        self.maxChanges = maxChanges
    }

    /// The index of `sha`'s tree in `repo` (whose mirror holds the commit).
    public func index(repo: String, sha: String, workspace: GitWorkspace) async throws -> TreeIndex {
        var index: TreeIndex
        if let known = indexes[repo], known.sha == sha {
            index = known
        } else if var known = indexes.removeValue(forKey: repo), let changes = try? await workspace.treeChanges(repo: repo, from: known.sha, to: sha),
            changes.count <= maxChanges
        {
            // Out of the cache while it changes: one owner, so it changes in place instead of being copied.
            known.move(to: sha, by: changes)
            index = known
        } else {
            index = TreeIndex(sha: sha, entries: try await workspace.entries(repo: repo, sha: sha))
        }
        indexes[repo] = index
        recent.removeAll { $0 == repo }
        recent.append(repo)
        if recent.count > capacity { indexes.removeValue(forKey: recent.removeFirst()) }
        return index
    }
}

/// The process's tree index caches by work directory.
final class LockedCaches: @unchecked Sendable {
    private let lock = NSLock()
    private var caches: [String: TreeIndexCache] = [:]

    func withLock<T>(_ body: (inout [String: TreeIndexCache]) -> T) -> T {
        lock.withLock { body(&caches) }
    }
}
