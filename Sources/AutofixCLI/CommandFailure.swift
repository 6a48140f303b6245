import App
import ArgumentParser
import Foundation
import Intake
import Queue

/// Turns any error into one line on stderr and an exit code: 2 for bad input, 1 for everything else.
public enum CommandFailure {
    static let usage: Int32 = 2
    static let failure: Int32 = 1

    /// `command` is the root command, whose ArgumentParser errors and help are printed its way.
    public static func exit(with error: any Error, command: any ParsableCommand.Type) -> Never {
        let (message, status): (String, Int32)
        switch error {
        case let error as IntakeError: (message, status) = (error.description, usage)
        case let error as ConfigurationError: (message, status) = (error.description, usage)
        case let error as UsageError: (message, status) = (error.message, usage)
        case let error as QueueError: (message, status) = (error.description, failure)
        default:
            // ArgumentParser's own errors (and help/version requests, which are clean exits).
            let code = command.exitCode(for: error)
            if code == .success || error is ExitCode { command.exit(withError: error) }
            (message, status) =
                code == .validationFailure
                ? (command.message(for: error) + " (see 'autofix help')", usage)
                : (command.message(for: error), failure)
        }
        let line = message.split(whereSeparator: \.isNewline).joined(separator: " ")
        FileHandle.standardError.write(Data("autofix: error: \(line)\n".utf8))
        Foundation.exit(status)
    }
}

/// Input the command line itself cannot catch (a value that parses but makes no sense).
public struct UsageError: Error {
    public var message: String

    public init(message: String) {
        self.message = message
    }
}
