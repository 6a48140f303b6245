import App
import ArgumentParser
import AutofixCLI
import IntakeHTTP
import ServerAssembly

/// `autofix serve`: HTTP intake, GitHub webhooks, the jobs API and /metrics.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the HTTP intake (POST /v1/dispatch, /v1/jobs, /webhooks/github), the jobs API and /metrics.",
        discussion:
            "Keys come from $AUTOFIX_API_KEYS, $AUTOFIX_OPERATOR_KEYS and $AUTOFIX_WEBHOOK_SECRET, the config file, or systemd credentials; they are never logged."
    )

    @OptionGroup var global: GlobalOptions
    @Option(help: "Address to bind (default: serve.host, 127.0.0.1).") var host: String?
    @Option(help: "Port to bind (default: serve.port, 8080; 0 picks a free one).") var port: Int?
    @OptionGroup var logging: LogFormatOption

    func run() async throws {
        let base = try global.makeApp()
        var configuration = base.configuration
        if let host { configuration.http.host = host }
        if let port {
            guard (0...65535).contains(port) else { throw UsageError(message: "--port must be from 0 to 65535") }
            configuration.http.port = port
        }
        try logging.apply(to: &configuration)
        let app = AutofixApp(configuration: configuration, environment: base.environment)
        try await app.runServer(logger: app.makeLogger())
    }
}
