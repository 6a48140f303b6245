import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Runs a child process with a deadline, its own environment and captured output.
///
/// Spawned with posix_spawn rather than Foundation's `Process`: Foundation hands every child a socket
/// it watches for the child's end, so a grandchild that daemonizes (a `setsid` test helper, git's
/// detached `gc --auto`) holds it and the run never ends. Here the child is its own process-group
/// leader, gets nothing but stdin, stdout and stderr, and its end is `waitpid`.
public struct ProcessRunner: Sendable {
    /// Output kept per stream; a test run can print megabytes and only its end matters.
    public var outputLimit: Int

    public init(outputLimit: Int = 256 << 10) {
        self.outputLimit = outputLimit
    }

    /// Runs `arguments[0]` (looked up on PATH) and waits for it, killing its process group at `timeout`
    /// and whatever of the group is left when it ends.
    public func run(
        _ arguments: [String], directory: String? = nil, environment: [String: String]? = nil,
        input: Data? = nil, timeout: Duration = .seconds(120)
    ) async throws -> ProcessResult {
        let child = try SpawnedChild(["/usr/bin/env"] + arguments, directory: directory, environment: environment)
        let collector = OutputCollector(limit: outputLimit)
        let readers = DispatchGroup()
        let stop = StopFlag()
        for (fd, stream) in [(child.stdout, OutputCollector.Stream.out), (child.stderr, .err)] {
            readers.enter()
            DispatchQueue.global().async {
                Self.drain(fd, into: collector, stream: stream, stop: stop)
                close(fd)
                readers.leave()
            }
        }
        let exit = ExitStatus()
        let exited = ExitSignal()
        let pid = child.pid
        Thread.detachNewThread {
            var status: Int32 = 0
            while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
            exit.set(status)
            exited.fire()
        }
        if let input { Self.write(input, to: child.stdin) }
        close(child.stdin)
        let started = ContinuousClock.now
        let finished = await exited.wait(timeout: timeout)
        // The whole group: on a timeout, or what the command left running in the background when it ended.
        kill(-pid, SIGKILL)
        if !finished { _ = await exited.wait(timeout: .seconds(30)) }
        let drained = ExitSignal()
        readers.notify(queue: .global()) { drained.fire() }
        if !(await drained.wait(timeout: .seconds(2))) {
            // Something outside the group still holds the pipes: stop reading, keep what arrived.
            stop.set()
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                readers.notify(queue: .global()) { continuation.resume() }
            }
        }
        let (out, err) = collector.contents()
        return ProcessResult(
            status: finished ? exit.code : -1, timedOut: !finished,
            stdout: out, stderr: err, elapsed: ContinuousClock.now - started)
    }

    /// Reads `fd` to its end (or until told to stop while nothing arrives), keeping the tail.
    static func drain(_ fd: Int32, into collector: OutputCollector, stream: OutputCollector.Stream, stop: StopFlag) {
        var buffer = [UInt8](repeating: 0, count: 64 << 10)
        var descriptor = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        while !stop.isSet {
            let ready = poll(&descriptor, 1, 100)
            if ready == 0 {
                if stop.isSet { return }
                continue
            }
            if ready < 0 {
                if errno == EINTR { continue }
                return
            }
            let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            if count <= 0 { return }
            collector.append(Data(buffer[0..<count]), to: stream)
        }
    }

    static func write(_ data: Data, to fd: Int32) {
        data.withUnsafeBytes { bytes in
            var offset = 0
            while offset < bytes.count {
                let written = Glibc.write(fd, bytes.baseAddress! + offset, bytes.count - offset)
                if written < 0 && errno == EINTR { continue }
                if written <= 0 { return }
                offset += written
            }
        }
    }
}

/// The child's exit status, written by its waiter thread.
final class ExitStatus: @unchecked Sendable {
    private let lock = NSLock()
    private var status: Int32 = 0

    func set(_ status: Int32) { lock.withLock { self.status = status } }

    /// The exit code, or 128 + the signal that ended it (as a shell reports it).
    var code: Int32 {
        lock.withLock {
            let signal = status & 0x7F
            return signal == 0 ? (status >> 8) & 0xFF : 128 + signal
        }
    }
}

/// A flag one thread sets and others read.
final class StopFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false

    var isSet: Bool { lock.withLock { value } }
    func set() { lock.withLock { value = true } }
}
