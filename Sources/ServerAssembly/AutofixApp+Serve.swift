import App
import Foundation
import Intake
import IntakeHTTP
import Logging
import ServiceLifecycle

extension AutofixApp {
    /// Runs `autofix serve` until SIGTERM/SIGINT. `onRunning` gets the bound port.
    public func runServer(logger: Logger, onRunning: @escaping @Sendable (Int) async -> Void = { _ in }) async throws {
        let http = {
            var http = configuration.http
            http.fixBranchPrefix = configuration.pipeline.branchPrefix
            http.botLogin = configuration.pipeline.botName
            return http
        }()
        guard !http.apiKeys.isEmpty || !http.operatorKeys.isEmpty || !(http.webhookSecret ?? "").isEmpty else {
            throw ConfigurationError.invalidValue(
                key: "api_keys", value: "", expected: "at least one API key, operator key or webhook secret before serving",
                source: "$AUTOFIX_API_KEYS, $AUTOFIX_WEBHOOK_SECRET, the config file or systemd credentials")
        }
        _ = ProcessMetrics.registry
        try await withStore(.intake, longRunning: true) { store in
            let server = IntakeServer(store: store, configuration: http, maxAttempts: configuration.maxAttempts) {
                await ProcessMetrics.exposition(store: store)
            }
            let application = server.application(logger: logger) { port in
                logger.info("serving", metadata: ["address": "\(http.host):\(port)"])
                await onRunning(port)
            }
            var group = ServiceGroupConfiguration(services: [application], logger: logger)
            group.gracefulShutdownSignals = [.sigterm, .sigint]
            try await ServiceGroup(configuration: group).run()
        }
    }
}
