import Foundation

/// A deterministic GitHub Actions job log of any size: set-up, dependency installs, a long test run
/// with warnings and the odd retried download, and a failing pytest section at the end.
struct LogGenerator {
    var seed: UInt64 = 0x5EED

    func write(to path: String, megabytes: Int) throws {
        guard let file = fopen(path, "w") else { throw BenchError("cannot write \(path)") }
        defer { fclose(file) }
        var random = seed
        func next() -> UInt64 {
            random &+= 0x9E37_79B9_7F4A_7C15
            var z = random
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        let target = megabytes << 20
        var written = 0
        var second = 0
        var buffer = ""
        buffer.reserveCapacity(1 << 20)
        func line(_ text: String) {
            second += 1
            let stamp =
                "2026-11-23T\(String(format: "%02d:%02d:%02d", (second / 3600) % 24, (second / 60) % 60, second % 60)).\(String(format: "%07d", Int(next() % 10_000_000)))Z "
            buffer += stamp + text + "\n"
        }
        func flush() {
            written += buffer.utf8.count
            fputs(buffer, file)
            buffer.removeAll(keepingCapacity: true)
        }
        line("##[group]Run actions/checkout@v4")
        line("Syncing repository: octo/app")
        line("##[endgroup]")
        line("##[group]Run pip install -r requirements.txt")
        var test = 0
        while written < target - (64 << 10) {
            let roll = next() % 1000
            test += 1
            switch roll {
            case 0..<600:
                line("tests/unit/test_module_\(test % 997).py::test_case_\(test) PASSED                       [ \(test % 100)%]")
            case 600..<800:
                line(
                    "  Downloading https://files.pythonhosted.org/packages/\(String(next() % 100_000, radix: 16))/pkg_\(test % 311)-1.\(test % 20).0-py3-none-any.whl (\(next() % 900) kB)"
                )
            case 800..<900:
                line("      |████████████████████████████████| \(next() % 900) kB \(next() % 50) MB/s")
            case 900..<960:
                line("src/core/module_\(test % 97).c:\(test % 400):\(test % 80): note: in expansion of macro 'CHECK_BOUNDS'")
            case 960..<990:
                line("tests/unit/test_module_\(test % 997).py:\(test % 300): DeprecationWarning: 'imp' is deprecated in favour of importlib")
            default:
                line("Retrying (Retry(total=4, connect=None, read=None)) after connection broken by 'ReadTimeoutError': /simple/pkg-\(test % 50)/")
            }
            if buffer.utf8.count > (1 << 20) { flush() }
        }
        line("##[endgroup]")
        line("##[group]Run python -m pytest -q")
        for text in [
            "=================================== FAILURES ===================================",
            "___________________________________ test_add ___________________________________",
            "    def test_add():",
            ">       assert add(2, 3) == 5",
            "E       assert -1 == 5",
            "E        +  where -1 = add(2, 3)",
            "",
            "tests/test_calc.py:5: AssertionError",
            "=========================== short test summary info ============================",
            "FAILED tests/test_calc.py::test_add - AssertionError: assert -1 == 5",
            "ERROR: 1 failed, 4812 passed in 93.21s",
            "##[error]Process completed with exit code 1.",
        ] { line(text) }
        flush()
    }
}
