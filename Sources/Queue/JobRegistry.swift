/// Job kinds a worker runs, each a stable string mapped to its handler.
public struct JobRegistry: Sendable {
    private var handlers: [String: any JobHandler] = [:]

    public init() {}

    public mutating func register(_ kind: String, _ handler: any JobHandler) {
        handlers[kind] = handler
    }

    public func handler(for kind: String) -> (any JobHandler)? { handlers[kind] }

    public var kinds: [String] { handlers.keys.sorted() }
}

/// A handler made from a closure, for small kinds and tests.
public struct ClosureJobHandler: JobHandler {
    let body: @Sendable (JobContext) async throws -> JobOutcome

    public init(_ body: @escaping @Sendable (JobContext) async throws -> JobOutcome) {
        self.body = body
    }

    public func run(_ context: JobContext) async throws -> JobOutcome {
        try await body(context)
    }
}
