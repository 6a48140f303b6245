/// Paths a patch may never touch, as glob patterns over the whole path (case-insensitive; `*` within a
/// segment, `**` any number of segments). Each names the rule that refuses it.
public struct ProtectedPaths: Sendable, Hashable {
    public struct Pattern: Sendable, Hashable {
        public var glob: String
        public var rule: String

        public init(_ glob: String, rule: String) {
            self.glob = glob
            self.rule = rule
        }
    }

    public var patterns: [Pattern]

    public init(patterns: [Pattern]) {
        self.patterns = patterns
    }

    /// Patterns from configuration: `rule:glob` or a bare glob (rule `protected`).
    public init(configured: [String]) {
        patterns = configured.map { entry in
            if let colon = entry.firstIndex(of: ":"), !entry[..<colon].contains("*"), !entry[..<colon].contains("/") {
                return Pattern(String(entry[entry.index(after: colon)...]), rule: String(entry[..<colon]))
            }
            return Pattern(entry, rule: "protected")
        }
    }

    /// The first pattern `path` falls under.
    public func match(_ path: String) -> Pattern? {
        let segments = path.lowercased().split(separator: "/").map(String.init)
        return patterns.first { Self.matches(ArraySlice($0.glob.lowercased().split(separator: "/").map(String.init)), ArraySlice(segments)) }
    }

    static func matches(_ glob: ArraySlice<String>, _ path: ArraySlice<String>) -> Bool {
        guard let head = glob.first else { return path.isEmpty }
        if head == "**" {
            let rest = glob.dropFirst()
            return (0...path.count).contains { matches(rest, path.dropFirst($0)) }
        }
        guard let segment = path.first, segmentMatches(head, segment) else { return false }
        return matches(glob.dropFirst(), path.dropFirst())
    }

    /// `*` matches any run of characters within one segment.
    static func segmentMatches(_ pattern: String, _ segment: String) -> Bool {
        let parts = pattern.split(separator: "*", omittingEmptySubsequences: false).map(String.init)
        guard parts.count > 1 else { return pattern == segment }
        guard segment.hasPrefix(parts[0]), segment.hasSuffix(parts[parts.count - 1]),
            segment.count >= parts[0].count + parts[parts.count - 1].count
        else { return false }
        var rest = Substring(segment.dropFirst(parts[0].count).dropLast(parts[parts.count - 1].count))
        for middle in parts.dropFirst().dropLast() where !middle.isEmpty {
            guard let found = rest.range(of: middle) else { return false }
            rest = rest[found.upperBound...]
        }
        return true
    }

    /// CI configuration of the common systems anywhere in the tree, repository metadata that changes how
    /// git or GitHub treat files, test-runner configuration that selects or skips tests, and secret-like files.
    public static let standard = ProtectedPaths(patterns: [
        // GitHub: workflows, composite and local actions, CODEOWNERS, dependabot — all of `.github`.
        .init("**/.github/**", rule: "workflow"), .init("**/action.yml", rule: "workflow"), .init("**/action.yaml", rule: "workflow"),
        .init("**/.gitlab-ci.yml", rule: "ci_config"), .init("**/.gitlab-ci.yaml", rule: "ci_config"), .init("**/.gitlab/**", rule: "ci_config"),
        .init("**/.circleci/**", rule: "ci_config"), .init("**/azure-pipelines*.yml", rule: "ci_config"), .init("**/azure-pipelines*.yaml", rule: "ci_config"),
        .init("**/.azure-pipelines/**", rule: "ci_config"), .init("**/.azuredevops/**", rule: "ci_config"), .init("**/jenkinsfile", rule: "ci_config"),
        .init("**/jenkinsfile.*", rule: "ci_config"), .init("**/*.jenkinsfile", rule: "ci_config"), .init("**/.travis.yml", rule: "ci_config"),
        .init("**/.travis.yaml", rule: "ci_config"), .init("**/.buildkite/**", rule: "ci_config"), .init("**/buildkite.yml", rule: "ci_config"),
        .init("**/buildkite.yaml", rule: "ci_config"), .init("**/.drone.yml", rule: "ci_config"), .init("**/.drone.yaml", rule: "ci_config"),
        .init("**/appveyor.yml", rule: "ci_config"), .init("**/.appveyor.yml", rule: "ci_config"), .init("**/bitbucket-pipelines.yml", rule: "ci_config"),
        .init("**/cloudbuild.yaml", rule: "ci_config"), .init("**/cloudbuild.yml", rule: "ci_config"), .init("**/.teamcity/**", rule: "ci_config"),
        .init("**/codecov.yml", rule: "ci_config"), .init("**/.codecov.yml", rule: "ci_config"), .init("**/.pre-commit-config.yaml", rule: "ci_config"),
        .init("**/.pre-commit-hooks.yaml", rule: "ci_config"), .init("**/.woodpecker.yml", rule: "ci_config"), .init("**/.woodpecker/**", rule: "ci_config"),
        .init("**/.cirrus.yml", rule: "ci_config"), .init("**/.semaphore/**", rule: "ci_config"), .init("**/wercker.yml", rule: "ci_config"),
        .init("**/.gitattributes", rule: "repo_config"), .init("**/.gitmodules", rule: "repo_config"), .init("**/codeowners", rule: "repo_config"),
        .init("**/dependabot.yml", rule: "repo_config"), .init("**/dependabot.yaml", rule: "repo_config"), .init("**/renovate.json", rule: "repo_config"),
        .init("**/renovate.json5", rule: "repo_config"), .init("**/.renovaterc", rule: "repo_config"), .init("**/.renovaterc.json", rule: "repo_config"),
        .init("**/.renovaterc.json5", rule: "repo_config"), .init("**/.mailmap", rule: "repo_config"),
        // Test selection: a change here can deselect or skip the failing test without touching it.
        .init("**/pytest.ini", rule: "test_config"), .init("**/.pytest.ini", rule: "test_config"), .init("**/pytest.toml", rule: "test_config"),
        .init("**/.pytest.toml", rule: "test_config"), .init("**/tox.ini", rule: "test_config"), .init("**/setup.cfg", rule: "test_config"),
        .init("**/phpunit.dist.xml", rule: "test_config"), .init("**/.bazelrc", rule: "test_config"), .init("**/ctest*.cmake", rule: "test_config"),
        .init("**/pyproject.toml", rule: "test_config"), .init("**/conftest.py", rule: "test_config"), .init("**/noxfile.py", rule: "test_config"),
        .init("**/.coveragerc", rule: "test_config"), .init("**/jest.config.*", rule: "test_config"), .init("**/jest.setup.*", rule: "test_config"),
        .init("**/vitest.config.*", rule: "test_config"), .init("**/vitest.workspace.*", rule: "test_config"), .init("**/vite.config.*", rule: "test_config"),
        .init("**/.mocharc*", rule: "test_config"), .init("**/karma.conf.*", rule: "test_config"), .init("**/phpunit.xml", rule: "test_config"),
        .init("**/phpunit.xml.dist", rule: "test_config"), .init("**/.rspec", rule: "test_config"), .init("**/.rspec-local", rule: "test_config"),
        .init("**/spec_helper.rb", rule: "test_config"), .init("**/rails_helper.rb", rule: "test_config"), .init("**/.nycrc*", rule: "test_config"),
        // What CI and the test command run: build scripts, toolchain wrappers, dependency manifests and lock
        // files. The branch is pushed to the base repository, so its CI runs them with the repository's secrets.
        .init("**/package.json", rule: "build_config"), .init("**/package-lock.json", rule: "build_config"),
        .init("**/npm-shrinkwrap.json", rule: "build_config"),
        .init("**/yarn.lock", rule: "build_config"), .init("**/pnpm-lock.yaml", rule: "build_config"), .init("**/.yarnrc", rule: "build_config"),
        .init("**/.pnpmfile.cjs", rule: "build_config"), .init("**/.pnpmfile.js", rule: "build_config"), .init("**/bun.lockb", rule: "build_config"),
        .init("**/makefile", rule: "build_config"), .init("**/gnumakefile", rule: "build_config"), .init("**/*.mk", rule: "build_config"),
        .init("**/cmakelists.txt", rule: "build_config"), .init("**/build.gradle", rule: "build_config"), .init("**/build.gradle.kts", rule: "build_config"),
        .init("**/settings.gradle", rule: "build_config"), .init("**/settings.gradle.kts", rule: "build_config"),
        .init("**/gradle.properties", rule: "build_config"),
        .init("**/gradle-wrapper.properties", rule: "build_config"), .init("**/gradlew", rule: "build_config"), .init("**/gradlew.bat", rule: "build_config"),
        .init("**/pom.xml", rule: "build_config"), .init("**/.mvn/**", rule: "build_config"), .init("**/mvnw", rule: "build_config"),
        .init("**/.cargo/**", rule: "build_config"), .init("**/cargo.toml", rule: "build_config"), .init("**/cargo.lock", rule: "build_config"),
        .init("**/build.rs", rule: "build_config"), .init("**/go.mod", rule: "build_config"), .init("**/go.sum", rule: "build_config"),
        .init("**/setup.py", rule: "build_config"), .init("**/requirements*.txt", rule: "build_config"), .init("**/poetry.lock", rule: "build_config"),
        .init("**/pipfile", rule: "build_config"), .init("**/pipfile.lock", rule: "build_config"), .init("**/uv.lock", rule: "build_config"),
        .init("**/gemfile", rule: "build_config"), .init("**/gemfile.lock", rule: "build_config"), .init("**/rakefile", rule: "build_config"),
        .init("**/*.gemspec", rule: "build_config"), .init("**/composer.json", rule: "build_config"), .init("**/composer.lock", rule: "build_config"),
        .init("**/package.swift", rule: "build_config"), .init("**/package.resolved", rule: "build_config"), .init("**/mix.exs", rule: "build_config"),
        .init("**/dockerfile", rule: "build_config"), .init("**/*.dockerfile", rule: "build_config"), .init("**/docker-compose*.yml", rule: "build_config"),
        .init("**/buildsrc/**", rule: "build_config"), .init("**/build-logic/**", rule: "build_config"), .init("**/gradle/*.gradle", rule: "build_config"),
        .init("**/gradle/*.gradle.kts", rule: "build_config"), .init("**/libs.versions.toml", rule: "build_config"), .init("**/go.work", rule: "build_config"),
        .init("**/rust-toolchain", rule: "build_config"), .init("**/rust-toolchain.toml", rule: "build_config"),
        .init("**/babel.config.*", rule: "test_config"),
        .init("**/.babelrc", rule: "test_config"), .init("**/.babelrc.*", rule: "test_config"), .init("**/playwright.config.*", rule: "test_config"),
        .init("**/cypress.config.*", rule: "test_config"), .init("**/webpack.config.*", rule: "build_config"),
        .init("**/justfile", rule: "build_config"), .init("**/taskfile.yml", rule: "build_config"), .init("**/.envrc", rule: "build_config"),
        .init("**/.tool-versions", rule: "build_config"), .init("**/.nvmrc", rule: "build_config"), .init("**/.python-version", rule: "build_config"),
        // Secrets and credentials.
        .init("**/.env", rule: "secret_file"), .init("**/.env.*", rule: "secret_file"), .init("**/.npmrc", rule: "secret_file"),
        .init("**/.yarnrc.yml", rule: "secret_file"), .init("**/.pypirc", rule: "secret_file"), .init("**/.netrc", rule: "secret_file"),
        .init("**/id_rsa*", rule: "secret_file"), .init("**/id_ed25519*", rule: "secret_file"), .init("**/id_ecdsa*", rule: "secret_file"),
        .init("**/credentials", rule: "secret_file"), .init("**/credentials.json", rule: "secret_file"), .init("**/secrets.yml", rule: "secret_file"),
        .init("**/secrets.yaml", rule: "secret_file"), .init("**/secrets.json", rule: "secret_file"), .init("**/.htpasswd", rule: "secret_file"),
        .init("**/*.pem", rule: "secret_file"), .init("**/*.key", rule: "secret_file"), .init("**/*.p12", rule: "secret_file"),
        .init("**/*.pfx", rule: "secret_file"), .init("**/*.jks", rule: "secret_file"), .init("**/*.keystore", rule: "secret_file"),
        .init("**/*.gpg", rule: "secret_file"), .init("**/*.asc", rule: "secret_file"), .init("**/*.kdbx", rule: "secret_file"),
        .init("**/.docker/config.json", rule: "secret_file"), .init("**/.git-credentials", rule: "secret_file"),
    ])
}
