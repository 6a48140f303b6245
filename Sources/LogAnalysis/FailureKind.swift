/// What failed, as far as the log tells; drives the "only test failures" policy.
public enum FailureKind: String, Sendable, CaseIterable, Codable {
    case test, lint, type, build, dependency, infra, timeout, cancelled, unknown
}
