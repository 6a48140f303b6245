import Foundation

/// Command-line options of `autofix-bench`.
struct BenchOptions {
    var autofix = ".build/release/autofix"
    var sqlite3 = "/usr/bin/sqlite3"
    var psql = "/usr/bin/psql"
    var pgbench = "/usr/bin/pgbench"
    /// The PostgreSQL server of the (g)-(j) figures: `make bench` starts a throwaway one.
    var postgres = ProcessInfo.processInfo.environment["AUTOFIX_BENCH_POSTGRES"] ?? ProcessInfo.processInfo.environment["AUTOFIX_TEST_POSTGRES"]
    var pgJobs = 20_000
    var invocations = 200
    var inserts = 3000
    var jobs = 20_000
    var json = false
    var wrkSeconds = 5
    var pipelineJobs = 40
    var extractMegabytes = 500
    /// Files of the generated repositories of the (k) figures.
    var repositoryFiles = [10, 5000, 40_000, 200_000]
    /// `queue`, `postgres`, `http`, `extract`, `pipeline` or `repo`: run one group only.
    var only: String?

    init<S: Sequence<String>>(_ arguments: S) throws {
        var iterator = arguments.makeIterator()
        while let argument = iterator.next() {
            func value() throws -> String {
                guard let next = iterator.next() else { throw BenchError("\(argument) needs a value") }
                return next
            }
            func number() throws -> Int {
                guard let n = Int(try value()), n > 0 else { throw BenchError("\(argument) needs a positive integer") }
                return n
            }
            switch argument {
            case "--autofix": autofix = try value()
            case "--sqlite3": sqlite3 = try value()
            case "--invocations": invocations = try number()
            case "--inserts": inserts = try number()
            case "--jobs": jobs = try number()
            case "--json": json = true
            case "--wrk-seconds": wrkSeconds = try number()
            case "--pipeline-jobs": pipelineJobs = try number()
            case "--pg-jobs": pgJobs = try number()
            case "--postgres": postgres = try value()
            case "--extract-mb": extractMegabytes = try number()
            case "--repo-files":
                let sizes = try value().split(separator: ",").map { Int($0.trimmingCharacters(in: .whitespaces)) }
                guard !sizes.isEmpty, sizes.allSatisfy({ ($0 ?? 0) > 0 }) else { throw BenchError("--repo-files takes positive integers, comma separated") }
                repositoryFiles = sizes.compactMap { $0 }
            case "--only":
                only = try value()
                guard ["queue", "postgres", "http", "extract", "pipeline", "repo"].contains(only!) else {
                    throw BenchError("--only takes queue, postgres, http, extract, pipeline or repo")
                }
            default:
                throw BenchError(
                    "unknown option \(argument) (options: --autofix PATH --sqlite3 PATH --invocations N --inserts N --jobs N --pg-jobs N --postgres URL --pipeline-jobs N --extract-mb N --repo-files N,N,… --only GROUP --json)"
                )
            }
        }
        guard FileManager.default.isExecutableFile(atPath: autofix) else { throw BenchError("no autofix binary at \(autofix); run make release") }
        guard FileManager.default.isExecutableFile(atPath: sqlite3) else { throw BenchError("no sqlite3 at \(sqlite3); apt-get install sqlite3") }
    }
}
