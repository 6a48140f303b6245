import ArgumentParser

/// Parses and runs a root command, turning every error into one line and an exit code.
public enum CommandRunner {
    public static func run(_ root: any ParsableCommand.Type, arguments: [String]? = nil) async {
        do {
            var command = try root.parseAsRoot(arguments)
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            CommandFailure.exit(with: error, command: root)
        }
    }
}
