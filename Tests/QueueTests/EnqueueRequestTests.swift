import Foundation
import Intake
import Testing

@Suite struct EnqueueRequestTests {
    @Test(arguments: ["octo/app", "a/b", "my-org/repo.name_2", "A1/.github-x"])
    func validated_acceptsGitHubRepositoryNames(_ repo: String) throws {
        #expect(try EnqueueRequest(repo: repo, runID: "1").validated().failure.repo == repo)
    }

    @Test(arguments: ["octo", "/app", "octo/", "a/b/c", "-octo/app", "octo/..", "oc to/app", "octo/app;rm", String(repeating: "o", count: 40) + "/x"])
    func validated_rejectsMalformedRepositories(_ repo: String) {
        #expect(throws: IntakeError.self) { try EnqueueRequest(repo: repo, runID: "1").validated() }
    }

    @Test func validated_rejectsBadRunIDsAttemptsAndShas() {
        for runID in ["", "abc", "0", "-4", "1.5", "99999999999999999999999"] {
            #expect(throws: IntakeError.self, "run id \(runID)") { try EnqueueRequest(repo: "o/r", runID: runID).validated() }
        }
        #expect(throws: IntakeError.self) { try EnqueueRequest(repo: "o/r", runID: "1", runAttempt: "0").validated() }
        #expect(throws: IntakeError.self) { try EnqueueRequest(repo: "o/r", runID: "1", headSHA: "abc123").validated() }
        #expect(throws: IntakeError.self) { try EnqueueRequest(repo: "o/r", runID: "1", branch: "a..b").validated() }
        #expect(throws: IntakeError.self) { try EnqueueRequest(repo: "o/r", runID: "1", runURL: "file:///etc/passwd").validated() }
    }

    @Test func newJob_dedupeKeyIsRepoRunAndAttempt() throws {
        let (failure, priority) = try EnqueueRequest(repo: "o/r", runID: "77", runAttempt: "2", priority: "-5").validated()
        let job = try failure.newJob(priority: priority)
        #expect(job.dedupeKey == "o/r#77#2")
        #expect(job.kind == "autofix")
        #expect(job.priority == -5)
    }

    @Test func fromPayload_readsTheSeedShapeWithNumbersOrStrings() throws {
        let seed =
            #"{"repo":"o/r","run_id":123,"run_url":"https://github.com/o/r/actions/runs/123","branch":"main","sha":"0123456789abcdef0123456789abcdef01234567"}"#
        let request = try EnqueueRequest.fromPayload(Data(seed.utf8))
        #expect(request.runID == "123")
        #expect(request.headSHA == "0123456789abcdef0123456789abcdef01234567")
        let quoted = try EnqueueRequest.fromPayload(Data(#"{"repo":"o/r","run_id":"123"}"#.utf8))
        #expect(try quoted.validated().failure.runID == 123)
    }

    @Test func fromPayload_rejectsNonObjectsAndWrongTypes() {
        for text in ["", "[]", "{", #"{"run_id": true}"#, #"{"run_id": [1]}"#, "42"] {
            #expect(throws: IntakeError.self, "payload \(text)") { try EnqueueRequest.fromPayload(Data(text.utf8)) }
        }
    }
}
