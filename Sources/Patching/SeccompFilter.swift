import Foundation

/// A classic-BPF seccomp program for the sandbox: the kernel keyring calls (a sandbox started by a root
/// worker runs as host uid 0 and would otherwise reach root's keyrings), `perf_event_open`, `bpf`,
/// `userfaultfd`, and on x86-64 every x32-ABI call (another way in to the same calls) fail with EPERM.
/// A call made through another ABI (i386's `int 0x80` on x86-64, AArch32 on arm64: other numbers for the
/// same calls) kills the process. Everything else is allowed; unknown machines get no filter.
enum SeccompFilter {
    /// The program for this machine's architecture, as bwrap's `--seccomp FD` reads it; nil where unknown.
    static func program() -> Data? {
        #if arch(x86_64)
            // AUDIT_ARCH_X86_64; add_key 248, request_key 249, keyctl 250, perf_event_open 298, bpf 321, userfaultfd 323.
            return build(arch: 0xC000_003E, denied: [248, 249, 250, 298, 321, 323], x32: true)
        #elseif arch(arm64)
            // AUDIT_ARCH_AARCH64; add_key 217, request_key 218, keyctl 219, perf_event_open 241, bpf 280, userfaultfd 282.
            return build(arch: 0xC000_00B7, denied: [217, 218, 219, 241, 280, 282], x32: false)
        #else
            return nil
        #endif
    }

    static func build(arch: UInt32, denied: [UInt32], x32: Bool) -> Data {
        let load: UInt16 = 0x20  // BPF_LD | BPF_W | BPF_ABS
        let jumpEqual: UInt16 = 0x15  // BPF_JMP | BPF_JEQ | BPF_K
        let jumpAtLeast: UInt16 = 0x35  // BPF_JMP | BPF_JGE | BPF_K
        let ret: UInt16 = 0x06  // BPF_RET | BPF_K
        let allow: UInt32 = 0x7FFF_0000
        let killProcess: UInt32 = 0x8000_0000
        let deny: UInt32 = 0x0005_0000 | UInt32(EPERM)
        var program: [(UInt16, UInt8, UInt8, UInt32)] = []
        // Layout: [arch load][arch check][kill][nr load][x32 check?][one check per call][allow][deny].
        let checks = denied.count + (x32 ? 1 : 0)
        program.append((load, 0, 0, 4))  // seccomp_data.arch
        program.append((jumpEqual, 1, 0, arch))  // this machine's ABI: go on
        program.append((ret, 0, 0, killProcess))  // another ABI: kill
        program.append((load, 0, 0, 0))  // seccomp_data.nr
        var remaining = checks
        if x32 {
            remaining -= 1
            program.append((jumpAtLeast, UInt8(remaining + 1), 0, 0x4000_0000))
        }
        for call in denied {
            remaining -= 1
            program.append((jumpEqual, UInt8(remaining + 1), 0, call))
        }
        program.append((ret, 0, 0, allow))
        program.append((ret, 0, 0, deny))
        var data = Data()
        for (code, jt, jf, k) in program {
            withUnsafeBytes(of: code.littleEndian) { data.append(contentsOf: $0) }
            data.append(jt)
            data.append(jf)
            withUnsafeBytes(of: k.littleEndian) { data.append(contentsOf: $0) }
        }
        return data
    }
}
