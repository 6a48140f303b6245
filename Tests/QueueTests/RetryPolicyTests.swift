import Core
import Queue
import Testing

@Suite struct RetryPolicyTests {
    @Test func delay_growsExponentiallyUpToCap() {
        let policy = RetryPolicy(base: .seconds(2), cap: .seconds(60), random: { 0.999_999 })
        #expect(policy.ceiling(afterAttempt: 1) == .seconds(2))
        #expect(policy.ceiling(afterAttempt: 3) == .seconds(8))
        #expect(policy.ceiling(afterAttempt: 10) == .seconds(60))
        #expect(policy.ceiling(afterAttempt: 1000) == .seconds(60))
    }

    @Test func delay_isFullJitterBetweenZeroAndCeiling() {
        #expect(RetryPolicy(base: .seconds(4), random: { 0 }).delay(afterAttempt: 2) == .zero)
        let policy = RetryPolicy(base: .seconds(1), cap: .seconds(30))
        for attempt in 1...12 {
            for _ in 0..<50 {
                let delay = policy.delay(afterAttempt: attempt)
                #expect(delay >= .zero && delay <= policy.ceiling(afterAttempt: attempt))
            }
        }
    }

    @Test func delay_neverShorterThanRetryAfter() {
        let policy = RetryPolicy(base: .seconds(1), random: { 0 })
        #expect(policy.delay(afterAttempt: 1, atLeast: .seconds(42)) == .seconds(42))
    }
}
