import Foundation

/// How the repository's test command is isolated. Defaults are the safe ones: a sandbox is required,
/// and without one no test runs.
public struct SandboxConfiguration: Sendable, Hashable {
    /// The bubblewrap program (looked up on PATH when not absolute).
    public var bwrap = "bwrap"
    /// Without a working sandbox, run no test at all (the job ends `no_fix`). Turning this off runs tests
    /// unsandboxed with a scrubbed environment, and the evidence comment says so.
    public var required = true
    /// System directories and files mounted read-only (missing ones are skipped). Nothing of `/etc/autofix`,
    /// the state directory or a home directory belongs here.
    public var readOnlyPaths = [
        "/usr", "/bin", "/sbin", "/lib", "/lib32", "/lib64", "/libx32", "/opt",
        "/etc/alternatives", "/etc/ld.so.cache", "/etc/ld.so.conf", "/etc/ld.so.conf.d", "/etc/ssl", "/etc/ca-certificates",
        "/etc/localtime", "/etc/timezone", "/etc/nsswitch.conf", "/etc/mime.types", "/etc/protocols", "/etc/services",
        "/etc/python3", "/etc/python3.11", "/etc/java-17-openjdk", "/etc/java-21-openjdk", "/etc/maven", "/etc/gitconfig.d",
    ]
    /// Toolchains installed elsewhere (a pyenv root, a JDK), mounted read-only as well.
    public var toolchainPaths: [String] = []
    /// Environment variables copied into the sandbox; everything else (tokens, keys) stays out.
    public var passEnvironment = [
        "PATH", "LANG", "LC_ALL", "TERM", "TZ", "PYENV_ROOT", "PYENV_VERSION", "JAVA_HOME", "GOROOT", "RUSTUP_HOME", "RUSTUP_TOOLCHAIN",
    ]
    /// Data segment limit per process (RLIMIT_DATA: heap and writable mappings; address-space
    /// reservations that JIT runtimes make are not counted, so Node and the JVM keep working).
    public var memoryBytes: UInt64 = 4 << 30
    /// Processes and threads of the sandbox's user (RLIMIT_NPROC; not enforced when the worker runs as root).
    public var maxProcesses = 1024
    /// Largest file the tests may write (RLIMIT_FSIZE).
    public var maxFileBytes: UInt64 = 1 << 30
    /// Size of each private tmpfs (`/tmp` and the home directory).
    public var tmpfsBytes: UInt64 = 1 << 30
    /// Bytes of the command's output kept (its end: where failures are).
    public var outputBytes = 64 << 10
    /// Each test run's tree is an overlay over one checkout per job (where the host mounts overlays in a
    /// user namespace); off, or where it cannot, every run gets a fresh checkout of its own.
    public var overlay = true
    /// Checkouts kept after their jobs (the most recent repositories'), each moved to the next job's commit
    /// of its repository instead of checking out the whole tree again; 0 keeps none (`sandbox.kept_checkouts`).
    public var keptCheckouts = 2

    public init() {}

    /// Toolchains the environment names (pyenv, a Python venv and the interpreter it was made from, a
    /// JDK, Go, rustup), to be mounted read-only. CARGO_HOME and GOPATH are left out: they hold registry
    /// credentials and caches.
    public static func toolchainPaths(environment: [String: String]) -> [String] {
        var paths = ["PYENV_ROOT", "VIRTUAL_ENV", "JAVA_HOME", "GOROOT", "RUSTUP_HOME"].compactMap { environment[$0] }
        if let venv = environment["VIRTUAL_ENV"], let home = venvHome(venv) { paths.append(home) }
        return paths.filter { $0.hasPrefix("/") }
    }

    /// The prefix of the interpreter a venv was made from (`home = PREFIX/bin` in pyvenv.cfg): the venv's
    /// python is a symlink into it and its standard library lives there.
    static func venvHome(_ venv: String) -> String? {
        guard let config = try? String(contentsOfFile: venv + "/pyvenv.cfg", encoding: .utf8) else { return nil }
        for line in config.split(whereSeparator: \.isNewline) {
            let parts = line.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            if parts.count == 2, parts[0] == "home" { return URL(fileURLWithPath: parts[1]).deletingLastPathComponent().path }
        }
        return nil
    }
}
