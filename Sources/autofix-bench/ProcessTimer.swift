import Foundation

/// Times whole process invocations with posix_spawn, output discarded.
enum ProcessTimer {
    /// Wall-clock seconds of one run; throws if the process fails.
    static func time(_ executable: String, _ arguments: [String], environment: [String: String]) throws -> Double {
        let start = ContinuousClock.now
        let pid = try spawn(executable, arguments, environment: environment)
        var status: Int32 = 0
        waitpid(pid, &status, 0)
        let elapsed = ContinuousClock.now - start
        guard status == 0 else { throw BenchError("\(executable) \(arguments.joined(separator: " ")) exited with status \(status)") }
        let (s, atto) = elapsed.components
        return Double(s) + Double(atto) / 1e18
    }

    /// Wall-clock seconds and peak resident memory (KiB) of one run, stdout discarded; `okStatuses` are exit codes that count as success.
    /// `output` receives stdout: GNU grep stops at the first match when stdout is /dev/null.
    static func measure(_ executable: String, _ arguments: [String], okStatuses: Set<Int32> = [0], output: String = "/dev/null") throws -> (
        seconds: Double, maxRSSKiB: Int
    ) {
        var actions: posix_spawn_file_actions_t = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, output, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        let start = ContinuousClock.now
        var pid: pid_t = 0
        guard posix_spawnp(&pid, executable, &actions, nil, argv, environ) == 0 else { throw BenchError("cannot spawn \(executable)") }
        var status: Int32 = 0
        var usage = rusage()
        wait4(pid, &status, 0, &usage)
        let elapsed = ContinuousClock.now - start
        let code = (status >> 8) & 0xFF
        guard status & 0x7F == 0, okStatuses.contains(code) else { throw BenchError("\(executable) exited with status \(status)") }
        let (s, atto) = elapsed.components
        return (Double(s) + Double(atto) / 1e18, Int(usage.ru_maxrss))
    }

    /// As `measure`, with the peak resident memory of the measured process alone, as GNU time reports it. The
    /// `ru_maxrss` of a posix_spawn child also holds this bench's own peak: glibc spawns with CLONE_VM, and the
    /// kernel carries the shared memory's high-water mark into the child at exec. GNU time forks (its own
    /// memory is small), so its figure is the child's. Without /usr/bin/time, nil.
    static func measureAlone(_ executable: String, _ arguments: [String], okStatuses: Set<Int32> = [0], output: String = "/dev/null") throws -> (
        seconds: Double, maxRSSKiB: Int
    )? {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/time") else { return nil }
        let report = FileManager.default.temporaryDirectory.appendingPathComponent("bench-time-\(UUID().uuidString.prefix(8))").path
        defer { try? FileManager.default.removeItem(atPath: report) }
        let run = try measure("/usr/bin/time", ["-f", "%M", "-o", report, executable] + arguments, okStatuses: okStatuses, output: output)
        let text = try String(contentsOfFile: report, encoding: .utf8)
        guard let kib = text.split(separator: "\n").last.flatMap({ Int($0.trimmingCharacters(in: .whitespaces)) }) else {
            throw BenchError("/usr/bin/time wrote no peak memory: \(text.prefix(200))")
        }
        return (run.seconds, kib)
    }

    static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        return sorted.isEmpty ? 0 : sorted[sorted.count / 2]
    }

    /// Starts a process with stdout discarded; `wait` reaps it.
    static func spawn(_ executable: String, _ arguments: [String], environment: [String: String]) throws -> pid_t {
        var actions: posix_spawn_file_actions_t = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var pid: pid_t = 0
        guard posix_spawnp(&pid, executable, &actions, nil, argv, envp) == 0 else { throw BenchError("cannot spawn \(executable)") }
        return pid
    }

    /// Reaps `pid`; throws unless it exited 0 (or was stopped by SIGTERM).
    static func wait(_ pid: pid_t) throws {
        var status: Int32 = 0
        waitpid(pid, &status, 0)
        guard status == 0 || status & 0x7F == SIGTERM else { throw BenchError("process \(pid) ended with status \(status)") }
    }

    /// Runs a process to its end and returns its stdout (stderr on failure, in the error).
    static func output(_ executable: String, _ arguments: [String], environment: [String: String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.environment = environment
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        let errors = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw BenchError("\(executable) failed: \(String(decoding: errors, as: UTF8.self).suffix(600))")
        }
        return String(decoding: data, as: UTF8.self)
    }
}
