import Foundation

extension Date {
    /// Unix epoch milliseconds: how both stores keep times, so they answer to the same injected clock.
    public var millis: Int64 { Int64((timeIntervalSince1970 * 1000).rounded()) }
    public init(millis: Int64) { self.init(timeIntervalSince1970: Double(millis) / 1000) }
}
