import Core
import Foundation
import Queue

/// Job kinds for checking a deployment and for tests: they exercise the queue without the pipeline.
public enum DiagnosticJobs {
    /// Does nothing and succeeds; always registered (benchmarks, smoke checks).
    public static let noop = "noop"
    /// Appends `start`/`done` lines to a file, holds for a while, optionally fails first; only with `diagnostic_kinds`.
    public static let record = "diag.record"

    public static func register(into registry: inout JobRegistry, includeRecorder: Bool) {
        registry.register(noop, ClosureJobHandler { _ in .succeeded() })
        if includeRecorder { registry.register(record, RecorderHandler()) }
    }

    /// Payload of a `diag.record` job.
    public struct RecordPayload: Codable, Sendable {
        public var log: String
        public var holdMs: Int
        /// Attempts up to this number fail with a retryable error.
        public var failAttempts: Int

        public init(log: String, holdMs: Int = 0, failAttempts: Int = 0) {
            self.log = log
            self.holdMs = holdMs
            self.failAttempts = failAttempts
        }

        enum CodingKeys: String, CodingKey {
            case log
            case holdMs = "hold_ms"
            case failAttempts = "fail_attempts"
        }

        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            log = try container.decode(String.self, forKey: .log)
            holdMs = try container.decodeIfPresent(Int.self, forKey: .holdMs) ?? 0
            failAttempts = try container.decodeIfPresent(Int.self, forKey: .failAttempts) ?? 0
        }
    }

    /// A payload this kind cannot read; retrying cannot help.
    public struct InvalidPayload: ClassifiedError, CustomStringConvertible {
        public var detail: String
        public var code: String { "invalid_payload" }
        public var isRetryable: Bool { false }
        public var description: String { "invalid diag.record payload: \(detail)" }
    }

    /// Raised by `diag.record` on the attempts it was told to fail.
    public struct InjectedFailure: ClassifiedError, CustomStringConvertible {
        public var code: String { "injected_failure" }
        public var isRetryable: Bool { true }
        public var description: String { "injected failure" }
    }

    struct RecorderHandler: JobHandler {
        func run(_ context: JobContext) async throws -> JobOutcome {
            let payload: RecordPayload
            do {
                payload = try JSONDecoder().decode(RecordPayload.self, from: Data(context.job.payload.utf8))
            } catch {
                throw InvalidPayload(detail: "expected {\"log\": PATH, \"hold_ms\"?: N, \"fail_attempts\"?: N}")
            }
            try append("start \(context.job.id) \(context.job.attempts) \(getpid())\n", to: payload.log)
            try await context.stage("hold") {
                try await Task.sleep(for: .milliseconds(payload.holdMs))
            }
            if context.job.attempts <= payload.failAttempts { throw InjectedFailure() }
            try append("done \(context.job.id) \(context.job.attempts) \(getpid())\n", to: payload.log)
            return .succeeded(result: #"{"recorded":true}"#)
        }

        /// O_APPEND makes each short line one atomic write, even with several workers on one file.
        private func append(_ line: String, to path: String) throws {
            let fd = open(path, O_WRONLY | O_CREAT | O_APPEND, 0o644)
            guard fd >= 0 else { throw QueueError.invalidArgument("cannot open \(path): \(String(cString: strerror(errno)))") }
            defer { close(fd) }
            let bytes = Array(line.utf8)
            _ = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        }
    }
}
