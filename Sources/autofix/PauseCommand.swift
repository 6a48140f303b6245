import App
import ArgumentParser
import AutofixCLI

/// `autofix pause`: workers stop claiming; running jobs continue.
struct PauseCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "pause", abstract: "Stop all workers from claiming new jobs.")

    @OptionGroup var global: GlobalOptions

    func run() async throws {
        let app = try global.makeApp()
        try await global.withExistingStore(app) { try await $0.setPaused(true) }
        printLine("claiming paused; running jobs continue")
    }
}

/// `autofix resume`: workers claim again.
struct ResumeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "resume", abstract: "Let workers claim jobs again.")

    @OptionGroup var global: GlobalOptions

    func run() async throws {
        let app = try global.makeApp()
        try await global.withExistingStore(app) { try await $0.setPaused(false) }
        printLine("claiming resumed")
    }
}
