import Emulators
import Foundation
import GitHub
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// GitHub's errors as github.com sends them, read by the real client.
@Suite struct GitHubErrorTests {
    static let token = "ghp_" + "githubErrorTestsToken0123456789abcd"

    func withEmulator(_ fault: EmulatorFault, _ body: @Sendable (GitHubClient) async throws -> Void) async throws {
        let emulator = GitHubEmulator(tokens: [Self.token])
        emulator.addRepository("octo/app", bare: "/nonexistent")
        emulator.inject(fault)
        try await emulator.run { api in
            try await body(GitHubClient(baseURL: api, credentials: .token(Self.token), maxAttempts: 1))
        }
    }

    @Test(arguments: [403, 429])
    func secondaryRateLimit_withoutRetryAfter_isRetryable_afterAtLeastAMinute(status: Int) async throws {
        try await withEmulator(EmulatorFault(path: "/repos/octo/app", status: status, kind: .secondaryRateLimit)) { client in
            do {
                _ = try await client.repository("octo/app")
                Issue.record("expected a rate limit")
            } catch let error as GitHubError {
                #expect(error.isRetryable, "\(error)")
                #expect((error.retryAfter ?? .zero) >= .seconds(60), "\(error)")
            }
        }
    }

    @Test func primaryRateLimit_waitsUntilTheReset() async throws {
        try await withEmulator(EmulatorFault(path: "/repos/octo/app", status: 403, kind: .primaryRateLimit(resetIn: 600))) { client in
            do {
                _ = try await client.repository("octo/app")
                Issue.record("expected a rate limit")
            } catch let error as GitHubError {
                #expect(error.isRetryable)
                #expect((error.retryAfter ?? .zero) > .seconds(500), "\(error)")
            }
        }
    }

    @Test func plainForbidden_isPermanent() async throws {
        try await withEmulator(EmulatorFault(path: "/repos/octo/app", status: 403)) { client in
            await #expect(throws: GitHubError.forbidden("injected 403")) { _ = try await client.repository("octo/app") }
        }
    }

    @Test func validationFailed_readsErrorsArray() {
        let body = Data(
            #"{"message":"Validation Failed","errors":[{"resource":"PullRequest","code":"custom","message":"A pull request already exists for octo:ci/autofix-1."}],"documentation_url":"https://docs.github.com/rest/pulls/pulls#create-a-pull-request"}"#
                .utf8)
        let response = HTTPURLResponse(url: URL(string: "https://api.github.com/repos/octo/app/pulls")!, statusCode: 422, httpVersion: nil, headerFields: [:])!
        let error = GitHubClient.error(status: 422, data: body, headers: response)
        #expect(error == .validationFailed("Validation Failed: A pull request already exists for octo:ci/autofix-1."))
    }
}
