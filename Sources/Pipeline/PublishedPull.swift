/// The pull request `open_pr` opened or reused.
struct PublishedPull: Codable, Sendable {
    var url: String
    var number: Int
    var reused: Bool
    /// The commit the pull request's branch holds: the one the bot pushed (or, reused, found with the same tree).
    var headSHA: String?
}
