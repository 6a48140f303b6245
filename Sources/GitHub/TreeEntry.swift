/// One entry of a commit's tree as `git ls-tree -r -z` prints it: `<mode> <type> <object>\t<path>`.
public struct TreeEntry: Sendable, Hashable {
    public var mode: String
    public var object: String
    public var path: String

    /// A regular file (not a symlink `120000` nor a submodule `160000`): the only kind read as context.
    public var isRegularFile: Bool { mode == "100644" || mode == "100755" }

    public init(mode: String, object: String, path: String) {
        self.mode = mode
        self.object = object
        self.path = path
    }

    /// Every record of `ls-tree -z` output, read as bytes: a 200,000-file tree lists 15 MB, and reading
    /// it character by character took a second.
    static func listing(_ output: String) -> [TreeEntry] {
        var output = output
        return output.withUTF8 { bytes -> [TreeEntry] in
            var entries: [TreeEntry] = []
            var start = 0
            while start < bytes.count {
                var end = start
                while end < bytes.count, bytes[end] != 0 { end += 1 }
                if let entry = record(UnsafeBufferPointer(rebasing: bytes[start..<end])) { entries.append(entry) }
                start = end + 1
            }
            return entries
        }
    }

    /// `<mode> <type> <object>\t<path>`.
    private static func record(_ bytes: UnsafeBufferPointer<UInt8>) -> TreeEntry? {
        guard let tab = bytes.firstIndex(of: 0x09), let first = bytes[..<tab].firstIndex(of: 0x20),
            let second = bytes[(first + 1)..<tab].firstIndex(of: 0x20)
        else { return nil }
        func text(_ range: Range<Int>) -> String { String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self) }
        return TreeEntry(mode: text(0..<first), object: text((second + 1)..<tab), path: text((tab + 1)..<bytes.count))
    }

    init?(lsTreeRecord record: Substring) {
        guard let tab = record.firstIndex(of: "\t") else { return nil }
        let fields = record[..<tab].split(separator: " ")
        guard fields.count == 3 else { return nil }
        mode = String(fields[0])
        object = String(fields[2])
        path = String(record[record.index(after: tab)...])
    }
}

/// A patch applied by git to a private index: the resulting tree and git's own account of what changed.
public struct StagedChange: Sendable, Hashable {
    /// One line of `git diff --cached --raw -z --no-renames`.
    public struct Entry: Sendable, Hashable {
        public var oldMode: String
        public var newMode: String
        /// `A`, `M`, `D`, `T` (type change), …
        public var status: String
        public var path: String

        static func parse(raw: String) -> [Entry] {
            // Records are `:old new oldsha newsha status\0path\0`.
            let fields = raw.split(separator: "\0", omittingEmptySubsequences: false).map(String.init)
            var entries: [Entry] = []
            var index = 0
            while index + 1 < fields.count {
                let meta = fields[index].split(separator: " ")
                if meta.count == 5, meta[0].hasPrefix(":") {
                    entries.append(Entry(oldMode: String(meta[0].dropFirst()), newMode: String(meta[1]), status: String(meta[4]), path: fields[index + 1]))
                }
                index += 2
            }
            return entries
        }
    }

    public var base: String
    public var tree: String
    public var changes: [Entry]
    /// `git diff --cached` of the change: `diff --git` headers per file, what is published.
    public var diff: String
}
