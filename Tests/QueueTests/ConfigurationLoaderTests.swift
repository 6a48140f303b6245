import App
import FeatureConfiguration
import Foundation
import Queue
import Testing

@Suite struct ConfigurationLoaderTests {
    func write(_ yaml: String) throws -> String {
        let path = try makeTemporaryDirectory().appendingPathComponent("config.yml").path
        try yaml.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func load_withoutFileOrEnvironment_usesLaptopDefaults() throws {
        let config = try ConfigurationLoader(environment: [:]).load(file: nil)
        #expect(config.database == "./var/autofix.sqlite")
        #expect(config.worker.concurrency == 4)
        #expect(config.worker.perRepositoryLimit == 1)
    }

    @Test func load_underSystemd_putsDatabaseInStateDirectory() throws {
        let config = try ConfigurationLoader(environment: ["STATE_DIRECTORY": "/var/lib/autofix"]).load(file: nil)
        #expect(config.database == "/var/lib/autofix/autofix.sqlite")
    }

    @Test func load_environmentOverridesFile() throws {
        let path = try write(
            """
            database: /srv/a.sqlite
            worker:
              concurrency: 8
              drain_timeout: 45s
            retry:
              base: 2s
            log:
              format: json
            """)
        let config = try ConfigurationLoader(environment: ["AUTOFIX_WORKER_CONCURRENCY": "2", "AUTOFIX_DATABASE": "/tmp/b.sqlite"]).load(file: path)
        #expect(config.database == "/tmp/b.sqlite")
        #expect(config.worker.concurrency == 2)
        #expect(config.worker.drainTimeout == .seconds(45))
        #expect(config.retry.base == .seconds(2))
        #expect(config.logFormat == .json)
    }

    @Test func load_appKeyWithLiteralNewlineEscapes_isReadAsPEM() throws {
        let escaped = "-----BEGIN RSA PRIVATE KEY-----\\nMIIEow\\n-----END RSA PRIVATE KEY-----\\n"
        let config = try ConfigurationLoader(environment: ["AUTOFIX_GITHUB_APP_PRIVATE_KEY": escaped]).load(file: nil)
        #expect(config.github.appPrivateKey == "-----BEGIN RSA PRIVATE KEY-----\nMIIEow\n-----END RSA PRIVATE KEY-----\n")
    }

    @Test func load_sandboxAndModelKeys_areReadAndChecked() throws {
        let config = try ConfigurationLoader(environment: [
            "AUTOFIX_SANDBOX_MEMORY": "2G", "AUTOFIX_SANDBOX_REQUIRED": "false", "AUTOFIX_LLM_TEMPERATURE": "none", "AUTOFIX_LLM_API_VERSION": "2025-01-01",
        ]).load(file: nil)
        #expect(config.pipeline.sandbox.memoryBytes == 2 << 30 && !config.pipeline.sandbox.required)
        #expect(config.llm.temperature == nil && config.llm.azureAPIVersion == "2025-01-01")
        #expect(throws: ConfigurationError.self) { try ConfigurationLoader(environment: ["AUTOFIX_SANDBOX_MEMORY": "lots"]).load(file: nil) }
        #expect(throws: ConfigurationError.self) { try ConfigurationLoader(environment: ["AUTOFIX_SANDBOX_TOOLCHAIN_PATHS": "relative/path"]).load(file: nil) }
    }

    @Test func load_localizationKeys_areReadAndChecked() throws {
        let config = try ConfigurationLoader(environment: ["AUTOFIX_PIPELINE_LOCALIZATION": "model", "AUTOFIX_PIPELINE_CONTEXT_TOKENS": "8000"]).load(file: nil)
        #expect(config.pipeline.localization == .model && config.pipeline.contextTokens == 8000)
        #expect(LLMConfiguration.Provider.anthropic.charactersPerToken < LLMConfiguration.Provider.openai.charactersPerToken)
        #expect(throws: ConfigurationError.self) { try ConfigurationLoader(environment: ["AUTOFIX_PIPELINE_LOCALIZATION": "psychic"]).load(file: nil) }
        #expect(throws: ConfigurationError.self) { try ConfigurationLoader(environment: ["AUTOFIX_PIPELINE_CONTEXT_TOKENS": "10"]).load(file: nil) }
    }

    @Test func load_unknownKey_namesTheKeyAndFile() throws {
        let path = try write("worker:\n  concurency: 3\n")
        #expect(throws: ConfigurationError.unknownKey("worker.concurency", source: path)) {
            try ConfigurationLoader(environment: [:]).load(file: path)
        }
    }

    @Test func load_invalidValue_namesTheSource() throws {
        #expect(
            throws: ConfigurationError.invalidValue(
                key: "worker.concurrency", value: "many", expected: "an integer from 1 to 256", source: "$AUTOFIX_WORKER_CONCURRENCY")
        ) {
            try ConfigurationLoader(environment: ["AUTOFIX_WORKER_CONCURRENCY": "many"]).load(file: nil)
        }
    }

    @Test func load_missingFile_isAClearError() {
        #expect(throws: ConfigurationError.self) { try ConfigurationLoader(environment: [:]).load(file: "/nonexistent/autofix.yml") }
    }

    @Test func load_shippedExampleConfig_isValid() throws {
        let example = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("deploy/config/config.example.yml").path
        let config = try ConfigurationLoader(environment: [:]).load(file: example)
        #expect(config.worker.drainTimeout == .seconds(30))
        #expect(config.retry.cap == .seconds(600))
    }

    @Test func durationText_parsesUnits() {
        #expect(DurationText.parse("30d") == .seconds(30 * 86_400))
        #expect(DurationText.parse("250ms") == .milliseconds(250))
        #expect(DurationText.parse("1.5s") == .milliseconds(1500))
        #expect(DurationText.parse("90") == .seconds(90))
        #expect(DurationText.parse("soon") == nil)
        #expect(DurationText.parse("-5s") == nil)
    }
}
