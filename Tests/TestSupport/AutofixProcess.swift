import Foundation
import Synchronization

/// The real `autofix` binary run as a child process, its output captured to files.
public final class AutofixProcess: Sendable {
    public let process: Process
    public let stdoutURL: URL
    public let stderrURL: URL
    private let exit = Mutex<Int32?>(nil)

    /// The binary `swift build` put beside the test bundle.
    public static var binary: URL {
        if let path = ProcessInfo.processInfo.environment["AUTOFIX_BIN"] { return URL(fileURLWithPath: path) }
        let beside = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("autofix")
        if FileManager.default.isExecutableFile(atPath: beside.path) { return beside }
        return URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent(".build/debug/autofix")
    }

    public init(_ arguments: [String], environment: [String: String], directory: URL, stdin: Data? = nil) throws {
        process = Process()
        process.executableURL = Self.binary
        process.arguments = arguments
        process.environment = environment
        process.currentDirectoryURL = directory
        let tag = UUID().uuidString.prefix(8)
        stdoutURL = directory.appendingPathComponent("out-\(tag).log")
        stderrURL = directory.appendingPathComponent("err-\(tag).log")
        precondition(FileManager.default.createFile(atPath: stdoutURL.path, contents: nil), "cannot create the output file")
        precondition(FileManager.default.createFile(atPath: stderrURL.path, contents: nil), "cannot create the output file")
        process.standardOutput = try FileHandle(forWritingTo: stdoutURL)
        process.standardError = try FileHandle(forWritingTo: stderrURL)
        let input = Pipe()
        process.standardInput = input
        process.terminationHandler = { [self] p in self.exit.withLock { $0 = p.terminationStatus } }
        try process.run()
        if let stdin { input.fileHandleForWriting.write(stdin) }
        try input.fileHandleForWriting.close()
    }

    public var pid: Int32 { process.processIdentifier }
    public var stdout: String { (try? String(contentsOf: stdoutURL, encoding: .utf8)) ?? "" }
    public var stderr: String { (try? String(contentsOf: stderrURL, encoding: .utf8)) ?? "" }
    public var exitStatus: Int32? { exit.withLock { $0 } }

    public func signal(_ signal: Int32) {
        kill(process.processIdentifier, signal)
    }

    /// Waits for the process to end; kills it and throws if it outlives `timeout`.
    @discardableResult
    public func waitForExit(timeout: Duration = .seconds(60)) async throws -> Int32 {
        do {
            try await Poll.until(timeout: timeout, "process \(pid) exits") { self.exitStatus != nil }
        } catch {
            signal(SIGKILL)
            throw error
        }
        return exitStatus!
    }

    /// Runs `autofix ARGS` to completion.
    public static func run(_ arguments: [String], environment: [String: String], directory: URL, stdin: Data? = nil) async throws -> (
        status: Int32, stdout: String, stderr: String
    ) {
        let child = try AutofixProcess(arguments, environment: environment, directory: directory, stdin: stdin)
        let status = try await child.waitForExit()
        return (status, child.stdout, child.stderr)
    }
}
