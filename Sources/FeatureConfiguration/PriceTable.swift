import Foundation

/// USD per million tokens, per model; models not listed cost nothing (local servers).
public struct PriceTable: Sendable, Hashable {
    public struct Price: Sendable, Hashable {
        public var inputPerMillion: Double
        public var outputPerMillion: Double

        public init(inputPerMillion: Double, outputPerMillion: Double) {
            self.inputPerMillion = inputPerMillion
            self.outputPerMillion = outputPerMillion
        }
    }

    public var prices: [String: Price]

    public init(_ prices: [String: Price] = [:]) {
        self.prices = prices
    }

    public func cost(model: String, tokensIn: Int, tokensOut: Int) -> Double {
        // Dated model ids (`gpt-4o-2024-08-06`) fall back to their family's price.
        let price = prices[model] ?? prices.filter { model.hasPrefix($0.key) }.max { $0.key.count < $1.key.count }?.value
        guard let price else { return 0 }
        return (Double(tokensIn) * price.inputPerMillion + Double(tokensOut) * price.outputPerMillion) / 1_000_000
    }

    /// `model=in/out` pairs separated by commas: `gpt-4o=2.5/10,claude-sonnet-4=3/15`.
    public static func parse(_ text: String) -> PriceTable? {
        var table: [String: Price] = [:]
        for entry in text.split(separator: ",") {
            let parts = entry.split(separator: "=", maxSplits: 1)
            guard parts.count == 2 else { return nil }
            let numbers = parts[1].split(separator: "/").compactMap { Double($0.trimmingCharacters(in: .whitespaces)) }
            guard numbers.count == 2 else { return nil }
            table[parts[0].trimmingCharacters(in: .whitespaces)] = Price(inputPerMillion: numbers[0], outputPerMillion: numbers[1])
        }
        return PriceTable(table)
    }
}
