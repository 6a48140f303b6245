import ChildProcess
import FeatureConfiguration
import Foundation
import GitHub
import Logging
import Patching
import TestSupport
import Testing

@testable import Pipeline

/// Red team, round 2 (after 835cfde): each test asserts the SAFE behaviour, so it fails while the finding is open.
/// The red team's second round: each test asserts the safe behaviour (its shell reproducers were numbered as in
/// the comments). `@testable` is needed for ScratchTree, PromptFence and Markdown.
@Suite struct RedTeamRound2Tests {
    let harness = SandboxHarness()
    var dir: String { harness.dir }

    func run(_ command: String, timeout: Duration = .seconds(60)) async throws -> TestSandbox.Run {
        try await harness.run(command, timeout: timeout)
    }

    static func refusal(_ reply: String) -> String? { RedTeamFindingsTests.refusal(reply) }
    static func reply(_ path: String, added: String, context: String = "import os") -> String {
        RedTeamFindingsTests.reply(path, added: added, context: context)
    }

    // MARK: - HIGH (01, 02): the seccomp filter allows every call of the i386 ABI

    /// SeccompFilter jumps to ALLOW for any `seccomp_data.arch` but AUDIT_ARCH_X86_64. A 64-bit process can still
    /// make i386 calls (`int $0x80`, CONFIG_IA32_EMULATION=y): keyctl is 288 there, not 250. In 02 the sandbox of a
    /// root worker listed and described host root's keys this way. Same for arm64's AArch32 compat.
    @Test func keyctlThroughTheI386ABI_isRefused() async throws {
        #if arch(x86_64)
            let probe = """
                python3 -c 'import ctypes, mmap
                code = bytes([0x53, 0xB8, 0x20, 0x01, 0, 0, 0x31, 0xDB, 0xB9, 0xFC, 0xFF, 0xFF, 0xFF, 0xBA, 1, 0, 0, 0, 0xCD, 0x80, 0x5B, 0xC3])
                page = mmap.mmap(-1, 4096, prot=mmap.PROT_READ | mmap.PROT_WRITE | mmap.PROT_EXEC)
                page.write(code)
                r = ctypes.CFUNCTYPE(ctypes.c_int)(ctypes.addressof(ctypes.c_char.from_buffer(page)))()
                print("I386-KEYCTL", r)'
                """
            let run = try await run(probe)
            #expect(run.isolation == "bwrap")
            let value = run.result.stdout.split(separator: " ").last.flatMap { Int($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
            // Safe: the process is killed by the filter (no line) or the call fails (negative).
            #expect(value == nil || value! < 0, "i386 keyctl returned a keyring: \(run.result.combinedOutput)")
        #endif
    }

    // MARK: - MEDIUM (03): /dev is still an unbounded writable tmpfs

    /// `--remount-ro /` does not cover bwrap's `--dev` tmpfs; only /dev/shm was sized. 3 GiB of host RAM went to
    /// /dev/fill.{1,2,3}. Fix: `--remount-ro /dev` after `--tmpfs /dev/shm` (checked: /dev/shm, /dev/null, ptys still work).
    @Test func devIsNotWritable() async throws {
        let run = try await run("touch /dev/autofix-probe 2>/dev/null && echo DEV-WRITABLE; echo x > /dev/shm/ok && echo SHM-OK")
        #expect(!run.result.stdout.contains("DEV-WRITABLE"), "\(run.result.stdout)")
        #expect(run.result.stdout.contains("SHM-OK"))
    }

    // MARK: - HIGH (04): outcomes rewritten in-process by the code under test, no hook name needed

    /// One line at the top of the module under test (not a test file, no skip string, no hook name) makes every
    /// pytest report "passed": `add` still returns a - b, the suite says `2 passed`, `-v` lists test_add PASSED.
    @Test func outcomeRewritingInTheCodeUnderTest_isRefused() {
        let line =
            #"import sys; r = sys.modules.get("_pytest.reports"); r and setattr(r.TestReport, "outcome", property(lambda s: "passed", lambda s, v: None))"#
        #expect(Self.refusal(Self.reply("src/calc.py", added: line)) != nil)
    }

    // MARK: - MEDIUM (05): sandbox-written trees that ScratchTree.remove cannot remove

    /// A path longer than PATH_MAX: FileManager.removeItem fails with ENAMETOOLONG even for root, and the whole
    /// chain is left on disk after every run (the demo left base-*/ and round-1-*/ this way). A non-UTF-8 directory
    /// name without permissions does the same for a non-root worker (the enumerator's String path no longer names it).
    @Test func aTreeDeeperThanPathMax_isRemoved() async throws {
        let root = "\(dir)/scratch-deep"
        try FileManager.default.createDirectory(atPath: "\(root)/src", withIntermediateDirectories: true)
        let name = String(repeating: "L", count: 200)
        _ = try await ProcessRunner().run([
            "sh", "-c", "cd \(root)/src && for i in $(seq 1 24); do mkdir \(name)$i && cd \(name)$i || exit 1; done; echo deep > f",
        ])
        await ScratchTree.remove(root, logger: Logger(label: "redteam2"))
        #expect(!FileManager.default.fileExists(atPath: root), "the deep tree was left in place")
        if FileManager.default.fileExists(atPath: root) { _ = try await ProcessRunner().run(["rm", "-rf", root]) }
    }

    // MARK: - LOW (06): unsandboxed mode, a detached child that keeps writing pins the worker

    /// ProcessRunner.drain checks `stop` only when poll() times out, so a `setsid` grandchild printing more often
    /// than every 100 ms keeps the readers (and the run) alive for as long as it lives. The silent case is fixed.
    @Test(.timeLimit(.minutes(1)))
    func aChattyDetachedChild_doesNotPinTheRunner() async throws {
        // Pinned, the run would return only when the child ends (50 s), past the time limit.
        let result = try await ProcessRunner().run(
            ["sh", "-c", "setsid timeout 50 sh -c 'while :; do echo flood; sleep 0.05; done' & echo started"], timeout: .seconds(3))
        #expect(result.stdout.contains("started"))
    }

    // MARK: - False positives of the rails (ordinary fixes refused)

    /// "xit(" is a substring of every `exit(`; "#[cfg(all(" is ordinary Rust; `skip =`/`pending =` are ordinary names.
    @Test(arguments: [
        ("src/cli.py", "    sys.exit(main())"),
        ("cmd/tool/main.go", "\tos.Exit(1)"),
        ("bin/run.js", "process.exit(code)"),
        ("src/main.rs", "#[cfg(all(unix, not(target_os = \"macos\")))]"),
        ("app/pagination.py", "skip = (page - 1) * size"),
        ("lib/queue.js", "pending = queue.filter((job) => !job.done)"),
        ("app/cleanup.py", "del test_results[key]"),
    ])
    func ordinaryCode_isNotRefusedAsASkip(path: String, added: String) {
        #expect(Self.refusal(Self.reply(path, added: added)) == nil, "\(path): \(added)")
    }

    /// unittest's summary `FAILED (failures=1)` is read as a failed test named "(failures=1)"; with `-v` it then
    /// "did not run and pass after the patch", so every unittest fix ends no_fix (`autofix demo` does, on HEAD).
    @Test func unittestsSummary_isNotATestName() throws {
        let ci = "FAIL: test_add (tests.test_calc.CalcTests.test_add)\n----\nRan 2 tests in 0.001s\n\nFAILED (failures=1)\n"
        #expect(!TestReport.parse(ci).failedTests.contains("(failures=1)"))
        let before = TestReport.parse("test_add (tests.test_calc.CalcTests.test_add) ... FAIL\ntest_zero (tests.test_calc.CalcTests.test_zero) ... ok\n" + ci)
        let after = TestReport.parse(
            "test_add (tests.test_calc.CalcTests.test_add) ... ok\ntest_zero (tests.test_calc.CalcTests.test_zero) ... ok\nRan 2 tests in 0.001s\n\nOK\n")
        let verdict = TestVerdict(failedInCI: TestReport.parse(ci).failedTests, blamesCodeUnderTest: true)
        #expect(throws: Never.self) { _ = try verdict.judge(before: before, after: after, changedFiles: ["calc/core.py"]) }
    }

    // MARK: - LOW: fences and PR text

    /// `\s` does not match format characters: `<\u{200B}/ci_log>` and `<\u{2060}/code>` are left as they are.
    @Test(arguments: ["<\u{200B}/ci_log>", "<\u{2060}/code>", "<\u{00AD}/test_output>", "<\u{FEFF}ci_log>"])
    func fenceTagsWithFormatCharacters_areEscaped(tag: String) {
        #expect(!PromptFence.escape("x \(tag) y").contains(tag), "\(tag.unicodeScalars.map { String($0.value, radix: 16) })")
    }

    /// GitHub closes issues named by URL too: "Fixes https://github.com/o/r/issues/1" survives Markdown.text.
    @Test func closingKeywordWithAnIssueURL_isNeutralised() {
        let text = Markdown.text("Fixes https://github.com/octo/calc/issues/1")
        #expect(text != "Fixes https://github.com/octo/calc/issues/1", "\(text)")
    }
}
