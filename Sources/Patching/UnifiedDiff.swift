/// A parsed unified diff: files, each with hunks of context, removed and added lines.
public struct UnifiedDiff: Sendable, Hashable, Codable {
    public var files: [FilePatch]

    public init(files: [FilePatch]) {
        self.files = files
    }

    /// Lines added plus lines removed, over all files.
    public var changedLines: Int {
        files.reduce(0) { $0 + $1.hunks.reduce(0) { $0 + $1.added.count + $1.removed.count } }
    }

    /// One file's changes; `oldPath` nil for a new file, `newPath` nil for a deletion.
    public struct FilePatch: Sendable, Hashable, Codable {
        public var oldPath: String?
        public var newPath: String?
        public var hunks: [Hunk]

        public init(oldPath: String?, newPath: String?, hunks: [Hunk]) {
            self.oldPath = oldPath
            self.newPath = newPath
            self.hunks = hunks
        }

        /// The path this patch is about (the new one, else the old).
        public var path: String { newPath ?? oldPath ?? "" }
        public var isNewFile: Bool { oldPath == nil }
        public var isDeletion: Bool { newPath == nil }
    }

    /// A hunk as the model wrote it; its line numbers are hints only.
    public struct Hunk: Sendable, Hashable, Codable {
        public enum Line: Sendable, Hashable, Codable {
            case context(String)
            case removed(String)
            case added(String)
        }

        public var oldStart: Int
        public var lines: [Line]

        public init(oldStart: Int, lines: [Line]) {
            self.oldStart = oldStart
            self.lines = lines
        }

        /// Context and removed lines: what must be found in the file.
        public var before: [String] {
            lines.compactMap { if case .context(let t) = $0 { t } else if case .removed(let t) = $0 { t } else { nil } }
        }

        /// Context and added lines: what replaces `before`.
        public var after: [String] {
            lines.compactMap { if case .context(let t) = $0 { t } else if case .added(let t) = $0 { t } else { nil } }
        }

        public var added: [String] { lines.compactMap { if case .added(let t) = $0 { t } else { nil } } }
        public var removed: [String] { lines.compactMap { if case .removed(let t) = $0 { t } else { nil } } }
    }
}
