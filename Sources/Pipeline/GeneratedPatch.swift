/// The model's answer: the explanation and the diff it proposed.
struct GeneratedPatch: Codable, Sendable {
    var explanation: String
    var reply: String
    var userPrompt: String
    var model: String
}
