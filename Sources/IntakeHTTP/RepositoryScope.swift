/// The repositories an API key may enqueue for and read: all of them (operator keys, unscoped keys) or
/// those its `owner/*` and `owner/name` patterns name.
enum RepositoryScope: Sendable, Equatable {
    case all
    case only([String])

    func allows(_ repo: String) -> Bool {
        switch self {
        case .all: return true
        case .only(let patterns):
            let lower = repo.lowercased()
            return patterns.contains { pattern in
                let pattern = pattern.lowercased()
                if pattern.hasSuffix("/*") { return lower.hasPrefix(String(pattern.dropLast())) && !lower.dropFirst(pattern.count - 1).contains("/") }
                return lower == pattern
            }
        }
    }

    /// `KEY:owner/*` → (`KEY`, `owner/*`); a key without a repository pattern → (`KEY`, nil).
    static func split(_ entry: String) -> (key: String, pattern: String?) {
        guard let colon = entry.lastIndex(of: ":") else { return (entry, nil) }
        let pattern = String(entry[entry.index(after: colon)...])
        guard pattern.contains("/") else { return (entry, nil) }
        return (String(entry[..<colon]), pattern)
    }
}
