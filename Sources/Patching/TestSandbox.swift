import ChildProcess
import FeatureConfiguration
import Foundation

/// Runs a repository's test command on a throwaway tree inside bubblewrap: new user, PID, IPC, UTS,
/// network and mount namespaces; the tree at `/src` the only writable place besides private tmpfs
/// `/tmp` and `$HOME`; toolchains read-only; nothing else of the host (no state directory, config,
/// credentials, database, mirrors, other jobs' trees, `/proc` of the worker, host loopback).
/// Every process the command starts ends with it: when the command exits, the namespace's init exits
/// and the kernel kills what is left; at the deadline bubblewrap is killed and takes them all with it.
public struct TestSandbox: Sendable {
    public var configuration: SandboxConfiguration

    public init(configuration: SandboxConfiguration) {
        self.configuration = configuration
    }

    /// How a run was isolated: `bwrap`, or `none` when the operator turned `sandbox.required` off.
    public struct Run: Sendable {
        public var result: ProcessResult
        public var isolation: String
    }

    /// Runs `command` with `tree` as its working directory; `scratch` is a directory of the job's own for
    /// the sandbox's `/etc/passwd` and `/etc/group`. Throws `SandboxUnavailable` when tests must not run.
    /// With `overlay`, the tree is its merged view (`tree` is ignored); only call so when
    /// `overlayUnavailable` said nil.
    public func run(_ command: String, tree: String, scratch: String, overlay: OverlayMount? = nil, timeout: Duration) async throws -> Run {
        let runner = ProcessRunner(outputLimit: configuration.outputBytes)
        if let reason = await SandboxProbe.shared.failure(for: self, scratch: scratch) {
            guard !configuration.required else { throw SandboxUnavailable(reason: reason) }
            // The operator chose to run unsandboxed: still no secrets in the environment, own process group.
            precondition(overlay == nil, "an overlay needs the sandbox")
            var environment = passedEnvironment()
            environment["HOME"] = scratch
            let result = try await runner.run(["sh", "-c", command], directory: tree, environment: environment, timeout: timeout)
            return Run(result: result, isolation: "none")
        }
        let (arguments, environment) = try launch(command: ["/bin/sh", "-c", command], tree: tree, scratch: scratch, overlay: overlay)
        let result = try await runner.run(arguments, environment: environment, timeout: timeout)
        if let overlay, result.status == 125, FileManager.default.fileExists(atPath: overlay.failureFile) {
            throw SandboxUnavailable(reason: "the overlay could not be mounted: \(result.stderr.prefix(300))")
        }
        return Run(result: result, isolation: "bwrap")
    }

    /// bwrap reads its seccomp program from a file descriptor; a shell opens the program file as fd 9 and execs bwrap.
    static func withSeccomp(_ arguments: [String], program: String) -> [String] {
        ["/bin/sh", "-c", "exec \"$0\" --seccomp 9 \"$@\" 9<\"$AUTOFIX_SECCOMP_PROGRAM\"", arguments[0]] + arguments.dropFirst()
    }

    /// The process to start (bwrap, behind a shell that hands it the seccomp program) and its environment.
    func launch(command: [String], tree: String, scratch: String, overlay: OverlayMount? = nil) throws -> ([String], [String: String]) {
        var environment = ["PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"]
        var arguments = try arguments(command: command, tree: overlay?.merged ?? tree, scratch: scratch)
        if let program = SeccompFilter.program() {
            let path = "\(scratch)/seccomp.bpf"
            try program.write(to: URL(fileURLWithPath: path))
            environment["AUTOFIX_SECCOMP_PROGRAM"] = path
            arguments = Self.withSeccomp(arguments, program: path)
        }
        if let overlay {
            for directory in [overlay.upper, overlay.work, overlay.merged] {
                try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            }
            arguments = overlay.wrap(arguments)
        }
        return (arguments, environment)
    }

    /// nil when the sandbox starts on this host with this configuration, else why it does not.
    public func unavailable(scratch: String) async -> String? {
        await SandboxProbe.shared.failure(for: self, scratch: scratch)
    }

    /// nil when the sandbox starts over an overlay tree on this host, else why not (the caller then
    /// copies a tree per run instead).
    public func overlayUnavailable(scratch: String) async -> String? {
        if let reason = await unavailable(scratch: scratch) { return reason }
        return await SandboxProbe.shared.overlayFailure(for: self, scratch: scratch)
    }

    /// The bubblewrap command line for `command` over `tree`.
    func arguments(command: [String], tree: String, scratch: String) throws -> [String] {
        let etc = "\(scratch)/etc"
        try FileManager.default.createDirectory(atPath: etc, withIntermediateDirectories: true)
        try Data(
            "root:x:0:0:root:/root:/bin/sh\nsandbox:x:1000:1000:sandbox:/home/sandbox:/bin/sh\nnobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin\n"
                .utf8
        )
        .write(to: URL(fileURLWithPath: "\(etc)/passwd"))
        try Data("root:x:0:\nsandbox:x:1000:\nnogroup:x:65534:\n".utf8).write(to: URL(fileURLWithPath: "\(etc)/group"))
        try Data("127.0.0.1 localhost autofix-sandbox\n::1 localhost\n".utf8).write(to: URL(fileURLWithPath: "\(etc)/hosts"))
        var arguments = [
            configuration.bwrap,
            "--unshare-user", "--unshare-pid", "--unshare-ipc", "--unshare-uts", "--unshare-net", "--unshare-cgroup-try",
            "--die-with-parent", "--new-session", "--cap-drop", "ALL", "--hostname", "autofix-sandbox",
            "--uid", "1000", "--gid", "1000", "--clearenv",
        ]
        var environment = passedEnvironment()
        environment["HOME"] = "/home/sandbox"
        environment["TMPDIR"] = "/tmp"
        environment["USER"] = "sandbox"
        for (key, value) in environment.sorted(by: { $0.key < $1.key }) { arguments += ["--setenv", key, value] }
        // The private tmpfs first: a toolchain under /tmp or /home is mounted on top of them, not hidden by them.
        arguments += [
            "--size", String(configuration.tmpfsBytes), "--perms", "1777", "--tmpfs", "/tmp",
            "--size", String(configuration.tmpfsBytes), "--tmpfs", "/home", "--perms", "0700", "--dir", "/home/sandbox",
        ]
        for path in configuration.readOnlyPaths + configuration.toolchainPaths { arguments += ["--ro-bind-try", path, path] }
        arguments += [
            "--ro-bind", "\(etc)/passwd", "/etc/passwd", "--ro-bind", "\(etc)/group", "/etc/group", "--ro-bind", "\(etc)/hosts", "/etc/hosts",
            // bwrap covers these only when it finds them writable by access(2); a worker running as root maps
            // the sandbox to host uid 0, which could then write host-global sysctls (kernel.core_pattern).
            "--proc", "/proc", "--ro-bind", "/proc/sys", "/proc/sys", "--ro-bind-try", "/proc/sysrq-trigger", "/proc/sysrq-trigger",
            "--ro-bind-try", "/proc/irq", "/proc/irq", "--ro-bind-try", "/proc/bus", "/proc/bus",
            "--dev", "/dev", "--size", String(configuration.tmpfsBytes), "--tmpfs", "/dev/shm", "--remount-ro", "/dev",
            "--bind", tree, "/src", "--chdir", "/src",
            // The root bwrap builds in memory stays read-only once populated; no nested user namespaces.
            "--remount-ro", "/", "--disable-userns",
            "--", "/usr/bin/prlimit", "--data=\(configuration.memoryBytes)", "--nproc=\(configuration.maxProcesses)",
            "--fsize=\(configuration.maxFileBytes)", "--core=0", "--",
        ]
        return arguments + command
    }

    func passedEnvironment() -> [String: String] {
        let current = ProcessInfo.processInfo.environment
        var environment = ["CI": "true", "AUTOFIX_VALIDATION": "1"]
        for name in configuration.passEnvironment { environment[name] = current[name] }
        return environment
    }
}

/// The sandbox cannot be built on this host; with `sandbox.required` no test runs.
public struct SandboxUnavailable: Error, Sendable, CustomStringConvertible {
    public var reason: String
    public var description: String { "the test sandbox is unavailable (\(reason)); no test command was run" }
}

/// Whether the sandbox starts on this host, and over an overlay tree, each tried once per configuration
/// with the real command line.
actor SandboxProbe {
    static let shared = SandboxProbe()
    private enum Kind { case plain, overlay }
    private var known: [Kind: [SandboxConfiguration: String?]] = [:]

    /// nil when the sandbox works, else why it does not.
    func failure(for sandbox: TestSandbox, scratch: String) async -> String? {
        await remembered(.plain, sandbox) { await Self.probe(sandbox, scratch: scratch) }
    }

    /// nil when an overlay tree mounts and the sandbox sees its files, else why not.
    func overlayFailure(for sandbox: TestSandbox, scratch: String) async -> String? {
        await remembered(.overlay, sandbox) { await Self.probeOverlay(sandbox, scratch: scratch) }
    }

    private func remembered(_ kind: Kind, _ sandbox: TestSandbox, _ probe: () async -> String?) async -> String? {
        if let cached = known[kind]?[sandbox.configuration] { return cached }
        let outcome = await probe()
        known[kind, default: [:]][sandbox.configuration] = outcome
        return outcome
    }

    private static func probe(_ sandbox: TestSandbox, scratch: String) async -> String? {
        do {
            let probe = "\(scratch)/probe"
            try FileManager.default.createDirectory(atPath: "\(probe)/src", withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(atPath: probe) }
            let (arguments, environment) = try sandbox.launch(command: ["/bin/true"], tree: "\(probe)/src", scratch: probe)
            let result = try await ProcessRunner().run(arguments, environment: environment, timeout: .seconds(30))
            return result.succeeded
                ? nil : "\(sandbox.configuration.bwrap) failed: \(result.stderr.trimmingCharacters(in: .whitespacesAndNewlines).prefix(300))"
        } catch {
            return "\(sandbox.configuration.bwrap) cannot start: \(error)"
        }
    }

    private static func probeOverlay(_ sandbox: TestSandbox, scratch: String) async -> String? {
        do {
            let probe = "\(scratch)/overlay-probe"
            try FileManager.default.createDirectory(atPath: "\(probe)/lower", withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(atPath: probe) }
            try Data("lower\n".utf8).write(to: URL(fileURLWithPath: "\(probe)/lower/probe"))
            // A committed directory removed and made again: what `rm -rf build && mkdir build` needs.
            try FileManager.default.createDirectory(atPath: "\(probe)/lower/dir", withIntermediateDirectories: true)
            try Data("lower\n".utf8).write(to: URL(fileURLWithPath: "\(probe)/lower/dir/file"))
            let overlay = OverlayMount(lower: "\(probe)/lower", scratch: probe)
            if !overlay.isMountable { throw SandboxUnavailable(reason: "the work directory's path holds ',', ':' or '\\'") }
            let (arguments, environment) = try sandbox.launch(
                command: [
                    "/bin/sh", "-c", "read line < probe && test \"$line\" = lower && echo upper > probe && rm -r dir && mkdir dir && echo again > dir/file",
                ],
                tree: overlay.merged, scratch: probe, overlay: overlay)
            let result = try await ProcessRunner().run(arguments, environment: environment, timeout: .seconds(30))
            let lowerKept = (try? String(contentsOfFile: "\(probe)/lower/probe", encoding: .utf8)) == "lower\n"
            return result.succeeded && lowerKept
                ? nil : "overlay trees do not work here: \(result.stderr.trimmingCharacters(in: .whitespacesAndNewlines).prefix(300))"
        } catch {
            return "overlay trees do not work here: \(error)"
        }
    }
}
