/// What `gather_context` found: code sections and the recent change, redacted, within the budget.
struct GatheredContext: Codable, Sendable {
    var code: String
    var recentChange: String
    var files: [String]
    /// What `recentChange` is: the changes since the last green run, or the commit under test (nil).
    var recentChangeTitle: String?
}
