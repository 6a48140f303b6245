/// What `gather_context` found: code sections and the commit under test, redacted, within the budget.
struct GatheredContext: Codable, Sendable {
    var code: String
    var recentChange: String
    var files: [String]
}
