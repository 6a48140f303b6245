import Foundation
import HTTPTypes
import Hummingbird
import Logging
import Synchronization
import _CryptoExtras

/// GitHub's REST API for the operations ci-autofix uses, on 127.0.0.1, backed by real bare git repositories.
/// Routes, statuses and bodies follow GitHub's description (`corpus/github-api/ops.json`); faults and delays are knobs.
public final class GitHubEmulator: Sendable {
    struct State {
        var tokens: Set<String>
        var repos: [String: (bare: String, defaultBranch: String)] = [:]
        var runs: [UInt64: EmulatedRun] = [:]
        var pulls: [String: [EmulatedPull]] = [:]
        var nextNumber = 1
        var faults: [EmulatorFault] = []
        var delay: Duration = .zero
        var requests: [String] = []
        var exchanges: [RecordedRequest] = []
        var app: (id: String, key: _RSA.Signing.PublicKey)?
        /// Where job logs are stored: another host, as on github.com.
        var storageURL: URL?
        /// Repositories whose plan has no draft pull requests (private repositories on some plans).
        var withoutDrafts: Set<String> = []
        /// The App installation that covers each repository, and the installation each minted token belongs to.
        var installations: [String: Int64] = [:]
        var tokenInstallation: [String: Int64] = [:]
        /// Pull listings that answer empty, as a listing racing another worker's create does.
        var staleListings = 0
        var installationTokens = 0
        /// Where webhook deliveries go, and with which secret; what was delivered.
        var webhook: (url: URL, secret: String)?
        var deliveries: [Delivery] = []
        /// Runs made by `runCI` are numbered from here.
        var nextRunID: UInt64 = 10_000
    }

    let state: Mutex<State>
    let logger: Logger

    public init(tokens: Set<String>, logger: Logger = Logger(label: "github-emulator", factory: { _ in SwiftLogNoOpLogHandler() })) {
        state = Mutex(State(tokens: tokens))
        self.logger = logger
    }

    public func addRepository(_ fullName: String, bare: String, defaultBranch: String = "main") {
        // GitHub serves partial clones (`--filter=blob:none`) and any reachable object by id: "Get up to
        // speed with partial clone and shallow clone", github.blog, 2020-12-21. A bare repository's
        // upload-pack refuses filters unless told otherwise.
        if let config = FileHandle(forWritingAtPath: "\(bare)/config") {
            config.seekToEndOfFile()
            config.write(Data("[uploadpack]\n\tallowFilter = true\n\tallowAnySHA1InWant = true\n".utf8))
            try? config.close()
        }
        state.withLock { $0.repos[fullName] = (bare, defaultBranch) }
    }

    /// Draft pull requests are refused in `repo`, as on plans without them:
    /// 422 "Draft pull requests are not supported in this repository." (docs.github.com, "About pull requests").
    public func disableDrafts(_ repo: String) {
        state.withLock { _ = $0.withoutDrafts.insert(repo) }
    }

    public func addRun(_ run: EmulatedRun) {
        state.withLock { $0.runs[run.id] = run }
    }

    /// The run as the emulator holds it (to change and add again).
    public func run(id: UInt64) -> EmulatedRun? {
        state.withLock { $0.runs[id] }
    }

    public func inject(_ fault: EmulatorFault) {
        state.withLock { $0.faults.append(fault) }
    }

    /// Every answer waits this long first (slow GitHub).
    public func setDelay(_ delay: Duration) {
        state.withLock { $0.delay = delay }
    }

    /// Accept installation-token requests signed by this App's key.
    public func registerApp(id: String, publicKeyPEM: String) throws {
        let key = try _RSA.Signing.PublicKey(pemRepresentation: publicKeyPEM)
        state.withLock { $0.app = (id, key) }
    }

    /// The App is installed on `repo`'s account as installation `id`: its tokens reach only repositories of that installation.
    public func install(_ repo: String, installation id: Int64) {
        state.withLock { $0.installations[repo] = id }
    }

    /// A pull request opened by someone else (another worker) for `head`.
    public func openPull(_ repo: String, head: String, base: String, title: String) {
        state.withLock { state in
            state.pulls[repo, default: []].append(
                EmulatedPull(
                    number: state.nextNumber, title: title, head: head, base: base, body: "", draft: true, state: "open", labels: [], comments: []))
            state.nextNumber += 1
        }
    }

    /// The next `count` pull listings answer an empty page (they ran before another worker's create).
    public func staleListings(_ count: Int) {
        state.withLock { $0.staleListings = count }
    }

    public func pulls(_ repo: String) -> [EmulatedPull] {
        state.withLock { $0.pulls[repo] ?? [] }
    }

    /// Every request received in full (method, path and query, headers, body), in order.
    public var recorded: [RecordedRequest] { state.withLock { $0.exchanges } }

    /// `METHOD /path` of every request received, in order.
    public var requests: [String] { state.withLock { $0.requests } }
    public var installationTokensMinted: Int { state.withLock { $0.installationTokens } }

    /// Serves until `body` returns; `body` gets the API base URL. Job logs are served by a second host
    /// (127.0.0.2) that behaves like the blob storage github.com redirects to.
    public func run<T: Sendable>(port: Int = 0, _ body: @Sendable (URL) async throws -> T) async throws -> T {
        let storage = Router(context: BasicRequestContext.self)
        storage.add(middleware: BlobStorageGate(emulator: self))
        storage.get("/job-logs/{job}") { request, context in self.logBlob(request, context) }
        return try await LoopbackServer.run(router: storage, host: "127.0.0.2", logger: logger) { storageURL in
            self.state.withLock { $0.storageURL = storageURL }
            let router = Router(context: BasicRequestContext.self)
            router.add(middleware: GitHubEmulatorGate(emulator: self))
            addRoutes(router)
            return try await LoopbackServer.run(router: router, port: port, logger: logger, body)
        }
    }

    static func notFound() -> Response {
        Reply.json(.notFound, ["message": "Not Found", "documentation_url": "https://docs.github.com/rest"])
    }
}

/// Auth, fault injection, delay and the request log, in front of every route.
struct GitHubEmulatorGate: RouterMiddleware {
    typealias Context = BasicRequestContext
    let emulator: GitHubEmulator

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let path = request.uri.path
        let method = request.method.rawValue
        var request = request
        let buffer = try await request.body.collect(upTo: 64 << 20)
        request.body = RequestBody(buffer: buffer)
        var headers: [String: String] = [:]
        for field in request.headers { headers[field.name.canonicalName] = field.value }
        let recorded = RecordedRequest(method: method, target: request.uri.description, headers: headers, body: String(buffer: buffer))
        let (fault, delay, tokens) = emulator.state.withLock { state -> (EmulatorFault?, Duration, Set<String>) in
            state.requests.append("\(method) \(path)")
            state.exchanges.append(recorded)
            var found: EmulatorFault?
            if let index = state.faults.firstIndex(where: { $0.count > 0 && path.contains($0.path) && ($0.method == nil || $0.method == method) }) {
                state.faults[index].count -= 1
                found = state.faults[index]
            }
            return (found, state.delay, state.tokens)
        }
        if delay > .zero { try await Task.sleep(for: delay) }
        if let fault {
            var headers: HTTPFields = [:]
            if let after = fault.retryAfter { headers[HTTPField.Name("Retry-After")!] = String(after) }
            let docs = "https://docs.github.com/rest/overview/rate-limits-for-the-rest-api"
            switch fault.kind {
            case .plain:
                return Reply.json(HTTPResponse.Status(code: fault.status), ["message": "injected \(fault.status)"], headers: headers)
            case .secondaryRateLimit:
                return Reply.json(
                    HTTPResponse.Status(code: fault.status),
                    [
                        "message":
                            "You have exceeded a secondary rate limit. Please wait a few minutes before you try again. If you reach out to GitHub Support for help, please include the request ID 0000:0000:0000000:0000000:00000000.",
                        "documentation_url": "\(docs)#about-secondary-rate-limits",
                    ], headers: headers)
            case .primaryRateLimit(let resetIn):
                headers[HTTPField.Name("x-ratelimit-limit")!] = "5000"
                headers[HTTPField.Name("x-ratelimit-remaining")!] = "0"
                headers[HTTPField.Name("x-ratelimit-used")!] = "5000"
                headers[HTTPField.Name("x-ratelimit-resource")!] = "core"
                headers[HTTPField.Name("x-ratelimit-reset")!] = String(Int(Date().timeIntervalSince1970) + resetIn)
                return Reply.json(
                    HTTPResponse.Status(code: fault.status),
                    [
                        "message": "API rate limit exceeded for installation ID 1.", "documentation_url": "\(docs)#about-the-primary-rate-limit",
                    ], headers: headers)
            }
        }
        // The installation-token route checks the App's JWT itself.
        if path.hasPrefix("/app/") || path.hasSuffix("/installation") { return try await next(request, context) }
        let authorization = request.headers[.authorization] ?? ""
        let token =
            authorization.hasPrefix("Bearer ")
            ? String(authorization.dropFirst(7)) : authorization.hasPrefix("token ") ? String(authorization.dropFirst(6)) : ""
        guard tokens.contains(token) || emulator.state.withLock({ $0.tokens.contains(token) }) else {
            return Reply.json(.unauthorized, ["message": "Bad credentials", "documentation_url": "https://docs.github.com/rest"])
        }
        // An installation token reaches only its installation's repositories; others are "Not Found".
        let parts = path.split(separator: "/")
        if parts.count >= 3, parts[0] == "repos" {
            let repo = "\(parts[1])/\(parts[2])"
            let denied = emulator.state.withLock { state -> Bool in
                guard let owner = state.tokenInstallation[token], let needed = state.installations[repo] else { return false }
                return owner != needed
            }
            if denied { return GitHubEmulator.notFound() }
        }
        return try await next(request, context)
    }
}

extension GitHubEmulator {
    /// The raw log served for a job.
    public func runLog(jobID: Int64) -> String? {
        state.withLock { $0.runs.values.flatMap(\.allJobs).first { $0.id == jobID }?.log }
    }
}

/// A request as the emulator received it, for tests that check what the client sent (and never sent).
public struct RecordedRequest: Sendable {
    public var method: String
    public var target: String
    /// Lower-cased names.
    public var headers: [String: String]
    public var body: String
}
