import Foundation

extension JSONEncoder {
    static let checkpoint: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return encoder
    }()
}
