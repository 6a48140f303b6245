// swift-tools-version:6.1
import PackageDescription

let strict: [SwiftSetting] = [.enableUpcomingFeature("ExistentialAny")]

let package = Package(
    name: "ci-autofix",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "autofix", targets: ["autofix"]),
        .executable(name: "autofix-net", targets: ["autofix-net"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
        .package(url: "https://github.com/apple/swift-metrics", from: "2.5.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.1.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.6.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.0.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.0"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.0.0"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.0"),
    ],
    targets: [
        // The base every module may import: the error protocol and JSON text. No dependencies.
        .target(name: "Core", swiftSettings: strict),
        // The job model, state machine, `JobStore` protocol, worker pool and retry policy: no SQL.
        .target(
            name: "Queue",
            dependencies: [
                "Core",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: strict
        ),
        // The embedded store: all its SQL in one file, its migrations from migrations/sqlite.
        .target(
            name: "QueueSQLite",
            dependencies: [
                "Core", "Queue",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
            ],
            swiftSettings: strict
        ),
        // The shared store for workers on many hosts: all its SQL in one file, migrations from migrations/postgres.
        .target(
            name: "QueuePostgres",
            dependencies: [
                "Core", "Queue",
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strict
        ),
        .systemLibrary(name: "CZlib", path: "Sources/CZlib", providers: [.apt(["zlib1g-dev"])]),
        .target(
            name: "LogAnalysis",
            swiftSettings: strict
        ),
        .target(
            name: "Intake",
            dependencies: ["Core", "Queue"],
            swiftSettings: strict
        ),
        .target(name: "ChildProcess", swiftSettings: strict),
        // Plain configuration values of the feature modules (pipeline, sandbox, model, HTTP intake), with
        // defaults; reading them from env and files is App's. No dependencies, so the light `autofix`
        // binary holds them without linking the modules they configure.
        .target(name: "FeatureConfiguration", swiftSettings: strict),
        .target(
            name: "GitHub",
            dependencies: ["Core", "ChildProcess", .product(name: "_CryptoExtras", package: "swift-crypto")],
            swiftSettings: strict
        ),
        .target(name: "LLM", dependencies: ["Core", "FeatureConfiguration"], swiftSettings: strict),
        // GitHub and LLM providers on loopback for tests, the demo and benchmarks.
        .target(
            name: "Emulators",
            dependencies: [
                "ChildProcess",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "_CryptoExtras", package: "swift-crypto"),
            ],
            swiftSettings: strict
        ),
        .target(name: "Patching", dependencies: ["Core", "LogAnalysis", "ChildProcess", "FeatureConfiguration"], swiftSettings: strict),
        .target(
            name: "Pipeline",
            dependencies: [
                "Core", "Queue", "Intake", "GitHub", "LLM", "Patching", "LogAnalysis", "ChildProcess", "FeatureConfiguration",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: strict
        ),
        .target(
            name: "IntakeHTTP",
            dependencies: [
                "Core", "Queue", "Intake", "AutofixMetrics", "FeatureConfiguration",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ],
            swiftSettings: strict
        ),
        // The server's composition root: configuration → store, metrics, the intake server, its lifecycle.
        .target(
            name: "ServerAssembly",
            dependencies: [
                "App", "IntakeHTTP", "Intake", "Queue",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: strict
        ),
        .target(
            name: "AutofixMetrics",
            dependencies: [
                "Queue",
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "CoreMetrics", package: "swift-metrics"),
            ],
            swiftSettings: strict
        ),
        .target(
            name: "App",
            dependencies: [
                "Core", "Queue", "QueueSQLite", "QueuePostgres", "Intake", "AutofixMetrics", "FeatureConfiguration",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Yams", package: "Yams"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "Metrics", package: "swift-metrics"),
            ],
            swiftSettings: strict
        ),
        // Acting on autofix pull requests once open: comment on green CI, follow-up rounds, close red fixes, poll.
        .target(
            name: "Outcomes",
            dependencies: ["Core", "Queue", "Intake", "GitHub", "FeatureConfiguration", .product(name: "Logging", package: "swift-log")],
            swiftSettings: strict
        ),
        .target(
            name: "WorkerAssembly",
            dependencies: [
                "App", "Pipeline", "Outcomes", "GitHub", "LLM", "Intake", "Queue", "LogAnalysis", "Patching", "ChildProcess", "FeatureConfiguration",
            ],
            swiftSettings: strict
        ),
        .target(
            name: "AutofixCLI",
            dependencies: [
                "App", "Queue", "Intake",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strict
        ),
        // Everything but the commands that need URLSession: libcurl and its ~30 libraries would
        // otherwise load at every start of `autofix enqueue` (git keeps it in git-remote-https).
        .executableTarget(
            name: "autofix",
            dependencies: [
                "App", "Queue", "QueueSQLite", "QueuePostgres", "Intake", "AutofixMetrics", "AutofixCLI", "LogAnalysis", "CZlib",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strict
        ),
        .executableTarget(
            name: "autofix-net",
            dependencies: [
                "App", "Intake", "IntakeHTTP", "ServerAssembly", "AutofixCLI", "GitHub", "WorkerAssembly", "Queue", "ChildProcess",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strict
        ),
        // Fix quality on evals/: cases through the real pipeline against the emulators, judged by hidden tests.
        .target(
            name: "Evals",
            dependencies: [
                "App", "Intake", "WorkerAssembly", "Emulators", "Queue", "ChildProcess", "Core", "LogAnalysis", "Patching",
                "FeatureConfiguration", .product(name: "Yams", package: "Yams"),
            ],
            swiftSettings: strict
        ),
        // The demo links the emulators (test doubles): a binary of its own, never installed.
        .executableTarget(
            name: "autofix-demo",
            dependencies: [
                "App", "Intake", "AutofixCLI", "WorkerAssembly", "Emulators", "Queue", "QueueSQLite", "ChildProcess", "Evals",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strict
        ),
        .executableTarget(
            name: "autofix-bench",
            dependencies: [
                "App", "Queue", "QueueSQLite", "Intake", "Emulators", "WorkerAssembly", "ChildProcess",
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
            ],
            swiftSettings: strict
        ),
        .testTarget(
            name: "QueueTests",
            dependencies: [
                "Queue", "QueueSQLite", "QueuePostgres", "Intake", "App", "AutofixMetrics", "TestSupport", "Core",
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strict
        ),
        .testTarget(
            name: "LogAnalysisTests",
            dependencies: ["LogAnalysis", "TestSupport"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "PatchingTests",
            dependencies: ["Patching", "FeatureConfiguration", "LogAnalysis", "GitHub", "ChildProcess", "TestSupport"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "LLMTests",
            dependencies: ["LLM", "FeatureConfiguration", "Emulators"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "IntakeHTTPTests",
            dependencies: [
                "Queue", "Intake", "IntakeHTTP", "ServerAssembly", "App", "GitHub", "FeatureConfiguration",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Hummingbird", package: "hummingbird"),
            ],
            swiftSettings: strict
        ),
        .target(
            name: "TestSupport", dependencies: ["ChildProcess", "Patching", "GitHub", "FeatureConfiguration"], path: "Tests/TestSupport", swiftSettings: strict),
        .testTarget(
            name: "GitHubTests",
            dependencies: ["GitHub", "Emulators", "TestSupport", .product(name: "_CryptoExtras", package: "swift-crypto")],
            swiftSettings: strict
        ),
        .testTarget(name: "ChildProcessTests", dependencies: ["ChildProcess"], swiftSettings: strict),
        .testTarget(
            name: "EvalTests",
            dependencies: ["Evals", "TestSupport", "ChildProcess", "FeatureConfiguration", "Patching"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "PipelineTests",
            dependencies: [
                "TestSupport",
                "Queue", "App", "Intake", "ChildProcess", "Patching", "LLM", "GitHub", "LogAnalysis", "Emulators", "WorkerAssembly", "Pipeline",
                "ServerAssembly",
                "FeatureConfiguration",
                .product(name: "_CryptoExtras", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strict
        ),
        .testTarget(
            name: "AutofixProcessTests",
            dependencies: ["Queue", "App", "TestSupport"],
            swiftSettings: strict
        ),
    ]
)
