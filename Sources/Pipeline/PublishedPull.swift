/// The pull request `open_pr` opened or reused.
struct PublishedPull: Codable, Sendable {
    var url: String
    var number: Int
    var reused: Bool
}
