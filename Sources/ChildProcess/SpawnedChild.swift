import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A child started with posix_spawn: its own process group, default signal handling, and no file
/// descriptor of ours but the three pipes (a test command must not inherit the database or a socket).
struct SpawnedChild {
    let pid: pid_t
    /// Our ends: write to `stdin`, read `stdout` and `stderr`.
    let stdin: Int32
    let stdout: Int32
    let stderr: Int32

    /// `arguments[0]` is `/usr/bin/env`, which looks the program up on PATH and changes to `directory` (`-C`).
    init(_ arguments: [String], directory: String?, environment: [String: String]?) throws {
        var arguments = arguments
        if let directory { arguments.insert(contentsOf: ["-C", directory], at: 1) }
        var input: [Int32] = [0, 0]
        var output: [Int32] = [0, 0]
        var errors: [Int32] = [0, 0]
        guard pipe(&input) == 0, pipe(&output) == 0, pipe(&errors) == 0 else {
            throw ProcessRunnerError.launchFailed(arguments.first ?? "", "pipe: \(String(cString: strerror(errno)))")
        }
        // Our ends must not reach the child (nor another child spawned meanwhile); its ends are dup'ed to 0-2.
        for fd in input + output + errors { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, input[0], 0)
        posix_spawn_file_actions_adddup2(&actions, output[1], 1)
        posix_spawn_file_actions_adddup2(&actions, errors[1], 2)
        Self.closeInheritable(&actions)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        posix_spawnattr_setpgroup(&attributes, 0)
        var none = sigset_t()
        sigemptyset(&none)
        posix_spawnattr_setsigmask(&attributes, &none)
        var all = sigset_t()
        sigfillset(&all)
        posix_spawnattr_setsigdefault(&attributes, &all)
        let environmentLines = (environment ?? ProcessInfo.processInfo.environment).map { "\($0.key)=\($0.value)" }
        var pid: pid_t = 0
        let status = Self.withCStrings(arguments) { argv in
            Self.withCStrings(environmentLines) { envp in
                posix_spawn(&pid, arguments[0], &actions, &attributes, argv, envp)
            }
        }
        close(input[0])
        close(output[1])
        close(errors[1])
        guard status == 0 else {
            close(input[1])
            close(output[0])
            close(errors[0])
            throw ProcessRunnerError.launchFailed(arguments.last ?? arguments[0], String(cString: strerror(status)))
        }
        self.pid = pid
        stdin = input[1]
        stdout = output[0]
        stderr = errors[0]
    }

    /// Closes in the child every descriptor above 2 (glibc's `closefrom` file action where it exists,
    /// else each open one listed in /proc/self/fd that is not close-on-exec already).
    static func closeInheritable(_ actions: inout posix_spawn_file_actions_t) {
        typealias CloseFrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32
        if let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "posix_spawn_file_actions_addclosefrom_np") {
            let closeFrom = unsafeBitCast(symbol, to: CloseFrom.self)
            if closeFrom(&actions, 3) == 0 { return }
        }
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd") else { return }
        for fd in names.compactMap(Int32.init) where fd > 2 {
            let flags = fcntl(fd, F_GETFD)
            if flags >= 0, flags & FD_CLOEXEC == 0 { posix_spawn_file_actions_addclose(&actions, fd) }
        }
    }

    /// A NULL-terminated array of C strings for the duration of `body`.
    static func withCStrings<T>(_ strings: [String], _ body: ([UnsafeMutablePointer<CChar>?]) -> T) -> T {
        var pointers: [UnsafeMutablePointer<CChar>?] = strings.map { strdup($0) }
        pointers.append(nil)
        defer { pointers.forEach { free($0) } }
        return body(pointers)
    }
}
