/// A path inside the repository, accepted only in the one spelling git itself would write, so that
/// every rail sees the same file git will create: no way to name `.github/workflows/x` another way.
public enum RepoPath {
    public static func check(_ path: String) throws {
        func refuse(_ why: String) -> PatchError {
            PatchError.refused(rule: "path", detail: "\(escaped(path)): \(why)")
        }
        guard !path.isEmpty else { throw refuse("empty path") }
        if path.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F || (0x80..<0xA0).contains($0.value) }) {
            throw refuse("control characters in a path")
        }
        if path.unicodeScalars.contains("\u{FFFD}") { throw refuse("not valid UTF-8") }
        if path.unicodeScalars.contains(where: isInvisible) { throw refuse("invisible characters in a path") }
        if path.hasPrefix("\"") { throw refuse("a quoted path (git quotes names it would otherwise garble)") }
        if path.contains("\\") { throw refuse("a backslash in a path") }
        if path.hasPrefix("/") || path.hasPrefix("~") { throw refuse("outside the repository") }
        if path.contains("//") || path.hasSuffix("/") { throw refuse("not a normalised path") }
        for segment in path.split(separator: "/", omittingEmptySubsequences: false) {
            if segment == "." || segment == ".." { throw refuse("a . or .. segment") }
            if segment.hasSuffix(" ") || segment.hasPrefix(" ") || segment.hasSuffix(".") && segment.allSatisfy({ $0 == "." || $0 == " " }) {
                throw refuse("a segment with leading or trailing spaces")
            }
            if segment.lowercased() == ".git" || segment.lowercased().hasPrefix(".git ") { throw refuse("inside .git") }
        }
    }

    /// Zero-width and direction-control characters: a name that reads as one path but is another.
    static func isInvisible(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x200B...0x200F, 0x202A...0x202E, 0x2060...0x2064, 0xFEFF, 0x00AD, 0x180E: true
        default: false
        }
    }

    /// A path as it may be quoted in a message: control characters shown, not printed.
    static func escaped(_ path: String) -> String {
        String(path.unicodeScalars.map { $0.value < 0x20 || $0.value == 0x7F ? "\\x\(String($0.value, radix: 16))" : String($0) }.joined().prefix(200))
    }
}
