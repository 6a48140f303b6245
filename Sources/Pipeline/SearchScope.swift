import GitHub

/// Where to look for the definitions a failure's code calls. In a small repository, everywhere; in a
/// monorepo, a search of the whole tree costs seconds per name set and finds same-named definitions of
/// unrelated projects, so it is limited to the largest directories around the failure's files that
/// hold at most `maxFiles` files each (the failing project, as its build sees it).
struct SearchScope {
    var maxFiles: Int

    /// The directories to search (empty: the whole tree) for `files` (tracked paths) and the failure's
    /// `anchors` (paths of files its frames and sections name).
    func directories(files: [String], anchors: [String]) -> [String] {
        let index = TreeIndex(sha: "", entries: files.map { TreeEntry(mode: "100644", object: "", path: $0) })
        return directories(counts: index.directoryFiles, total: files.count, anchors: anchors)
    }

    /// The same from the files under each directory (`TreeIndex.directoryFiles`) and their total.
    func directories(counts: [Substring: Int], total: Int, anchors: [String]) -> [String] {
        guard total > maxFiles, !anchors.isEmpty else { return [] }
        var chosen: Set<String> = []
        for anchor in anchors {
            // The highest ancestor still small enough; a file at the root or under a directory too big
            // alone is searched by its own directory.
            var best: Substring?
            var index = anchor.startIndex
            while let slash = anchor[index...].firstIndex(of: "/") {
                let directory = anchor[..<slash]
                if (counts[directory] ?? 0) <= maxFiles {
                    best = directory
                    break
                }
                best = directory
                index = anchor.index(after: slash)
            }
            if let best { chosen.insert(String(best)) }
        }
        // A directory inside another chosen one adds nothing.
        return chosen.filter { directory in !chosen.contains { directory.hasPrefix($0 + "/") } }.sorted()
    }
}
