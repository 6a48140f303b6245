import Foundation

/// Runs a child process with a deadline, its own environment and captured output.
public struct ProcessRunner: Sendable {
    /// Output kept per stream; a test run can print megabytes and only its end matters.
    public var outputLimit: Int

    public init(outputLimit: Int = 256 << 10) {
        self.outputLimit = outputLimit
    }

    /// Runs `arguments[0]` (looked up on PATH) and waits for it, killing its process group at `timeout`.
    public func run(
        _ arguments: [String], directory: String? = nil, environment: [String: String]? = nil,
        input: Data? = nil, timeout: Duration = .seconds(120)
    ) async throws -> ProcessResult {
        let process = Process()
        // Foundation starts the child as a process-group leader, so a timeout can kill all it started.
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        if let environment { process.environment = environment }
        let output = Pipe()
        let errors = Pipe()
        let stdin = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = stdin
        let collector = OutputCollector(limit: outputLimit)
        let exited = ExitSignal()
        process.terminationHandler = { _ in exited.fire() }
        do {
            try process.run()
        } catch {
            throw ProcessRunnerError.launchFailed(arguments.first ?? "", "\(error)")
        }
        // One blocking reader per stream on its own thread: Foundation's readabilityHandler races
        // with a final read on Linux. Each keeps only the tail, so a chatty child cannot exhaust memory.
        let readers = DispatchGroup()
        for (pipe, stream) in [(output, OutputCollector.Stream.out), (errors, .err)] {
            readers.enter()
            DispatchQueue.global().async {
                let handle = pipe.fileHandleForReading
                while case let data = handle.availableData, !data.isEmpty { collector.append(data, to: stream) }
                readers.leave()
            }
        }
        if let input { stdin.fileHandleForWriting.write(input) }
        try? stdin.fileHandleForWriting.close()
        let started = ContinuousClock.now
        let finished = await exited.wait(timeout: timeout)
        if !finished {
            // The whole group: a test command's own children must not outlive it.
            kill(-process.processIdentifier, SIGKILL)
        }
        process.waitUntilExit()
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            readers.notify(queue: .global()) { continuation.resume() }
        }
        let (out, err) = collector.contents()
        return ProcessResult(
            status: finished ? process.terminationStatus : -1, timedOut: !finished,
            stdout: out, stderr: err, elapsed: ContinuousClock.now - started)
    }
}
