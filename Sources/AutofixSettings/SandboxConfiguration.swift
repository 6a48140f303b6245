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
    public var passEnvironment = ["PATH", "LANG", "LC_ALL", "TERM", "TZ", "PYENV_ROOT", "PYENV_VERSION", "JAVA_HOME", "GOROOT", "RUSTUP_HOME", "RUSTUP_TOOLCHAIN"]
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

    public init() {}
}
