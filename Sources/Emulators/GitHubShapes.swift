import Foundation

/// The objects GitHub's REST API answers with, with every field the description marks required
/// (`corpus/github-api/ops.json`: "Simple User", "Minimal Repository", "Full Repository", "Workflow Run",
/// "Job", "Pull Request Simple"/"Pull Request", "Label", "Issue Comment"; the installation from
/// docs.github.com/rest/apps/apps#get-a-repository-installation-for-the-authenticated-app). The
/// contract test (`scripts/check-emulator-contract`) validates every answer against those schemas.
enum GitHubShapes {
    static let api = "https://api.github.com"
    static let created = "2026-01-05T10:00:00Z"

    static func stamp(_ date: Date = Date()) -> String {
        ISO8601DateFormatter().string(from: date)
    }

    /// A stable small number for a name (ids must be integers, and the same name gets the same id).
    static func id(_ name: String) -> Int {
        name.utf8.reduce(5381) { ($0 &* 33 &+ Int($1)) & 0x7FFF_FFFF } % 9_000_000 + 1000
    }

    static func simpleUser(_ login: String, type: String = "User") -> [String: Any] {
        let url = "\(api)/users/\(login)"
        return [
            "login": login, "id": id(login), "node_id": "U_\(id(login))", "avatar_url": "https://avatars.githubusercontent.com/u/\(id(login))",
            "gravatar_id": "", "url": url, "html_url": "https://github.com/\(login)", "followers_url": "\(url)/followers",
            "following_url": "\(url)/following{/other_user}", "gists_url": "\(url)/gists{/gist_id}", "starred_url": "\(url)/starred{/owner}{/repo}",
            "subscriptions_url": "\(url)/subscriptions", "organizations_url": "\(url)/orgs", "repos_url": "\(url)/repos",
            "events_url": "\(url)/events{/privacy}", "received_events_url": "\(url)/received_events", "type": type, "site_admin": false,
        ]
    }

    /// "Minimal Repository" (a run's `repository`/`head_repository`).
    static func minimalRepository(_ fullName: String) -> [String: Any] {
        let url = "\(api)/repos/\(fullName)"
        let owner = fullName.split(separator: "/").first.map(String.init) ?? fullName
        let name = fullName.split(separator: "/").last.map(String.init) ?? fullName
        var repo: [String: Any] = [
            "id": id(fullName), "node_id": "R_\(id(fullName))", "name": name, "full_name": fullName, "owner": simpleUser(owner, type: "Organization"),
            "private": false, "html_url": "https://github.com/\(fullName)", "description": NSNull(), "fork": false, "url": url,
        ]
        let templates: [(String, String)] = [
            ("archive_url", "/{archive_format}{/ref}"), ("assignees_url", "/assignees{/user}"), ("blobs_url", "/git/blobs{/sha}"),
            ("branches_url", "/branches{/branch}"), ("collaborators_url", "/collaborators{/collaborator}"), ("comments_url", "/comments{/number}"),
            ("commits_url", "/commits{/sha}"), ("compare_url", "/compare/{base}...{head}"), ("contents_url", "/contents/{+path}"),
            ("contributors_url", "/contributors"), ("deployments_url", "/deployments"), ("downloads_url", "/downloads"), ("events_url", "/events"),
            ("forks_url", "/forks"), ("git_commits_url", "/git/commits{/sha}"), ("git_refs_url", "/git/refs{/sha}"), ("git_tags_url", "/git/tags{/sha}"),
            ("hooks_url", "/hooks"), ("issue_comment_url", "/issues/comments{/number}"), ("issue_events_url", "/issues/events{/number}"),
            ("issues_url", "/issues{/number}"), ("keys_url", "/keys{/key_id}"), ("labels_url", "/labels{/name}"), ("languages_url", "/languages"),
            ("merges_url", "/merges"), ("milestones_url", "/milestones{/number}"), ("notifications_url", "/notifications{?since,all,participating}"),
            ("pulls_url", "/pulls{/number}"), ("releases_url", "/releases{/id}"), ("stargazers_url", "/stargazers"), ("statuses_url", "/statuses/{sha}"),
            ("subscribers_url", "/subscribers"), ("subscription_url", "/subscription"), ("tags_url", "/tags"), ("teams_url", "/teams"),
            ("trees_url", "/git/trees{/sha}"),
        ]
        for (key, suffix) in templates { repo[key] = url + suffix }
        return repo
    }

    /// "Full Repository" (`GET /repos/{owner}/{repo}`) and the "Repository" of a pull request's head and base.
    static func fullRepository(_ fullName: String, defaultBranch: String) -> [String: Any] {
        var repo = minimalRepository(fullName)
        let extra: [String: Any] = [
            "clone_url": "https://github.com/\(fullName).git", "git_url": "git://github.com/\(fullName).git", "ssh_url": "git@github.com:\(fullName).git",
            "svn_url": "https://github.com/\(fullName)", "mirror_url": NSNull(), "homepage": NSNull(), "language": NSNull(), "default_branch": defaultBranch,
            "forks": 0, "forks_count": 0, "open_issues": 0, "open_issues_count": 0, "stargazers_count": 0, "watchers": 0, "watchers_count": 0,
            "size": 1, "network_count": 0, "subscribers_count": 0, "has_downloads": true, "has_issues": true, "has_projects": true, "has_wiki": true,
            "has_pages": false, "archived": false, "disabled": false, "license": NSNull(), "visibility": "public",
            "pushed_at": created, "created_at": created, "updated_at": created,
        ]
        repo.merge(extra) { $1 }
        return repo
    }

    /// A "Workflow Run" as `GET …/runs/{id}` (and `…/attempts/{n}`) answers.
    static func workflowRun(_ run: EmulatedRun, attempt: Int, conclusion: String, base: String) -> [String: Any] {
        let url = "\(base)/repos/\(run.repo)/actions/runs/\(run.id)"
        return [
            "id": run.id, "node_id": "WFR_\(run.id)", "name": run.name, "head_branch": run.headBranch, "head_sha": run.headSHA,
            "run_number": Int(run.id % 100_000), "run_attempt": attempt, "event": run.event, "status": "completed", "conclusion": conclusion,
            "workflow_id": 1, "url": url, "html_url": "https://github.com/\(run.repo)/actions/runs/\(run.id)",
            "created_at": run.createdAt.map { stamp($0) } ?? created, "updated_at": run.updatedAt.map { stamp($0) } ?? created,
            "run_started_at": run.createdAt.map { stamp($0) } ?? created,
            "jobs_url": "\(url)/jobs", "logs_url": "\(url)/logs", "check_suite_url": "\(base)/repos/\(run.repo)/check-suites/\(run.id)",
            "cancel_url": "\(url)/cancel", "rerun_url": "\(url)/rerun", "artifacts_url": "\(url)/artifacts",
            "workflow_url": "\(base)/repos/\(run.repo)/actions/workflows/1", "pull_requests": [],
            "head_commit": [
                "id": run.headSHA, "tree_id": run.headSHA, "message": "the commit under test", "timestamp": created,
                "author": ["name": "Octo", "email": "octo@example.com"], "committer": ["name": "Octo", "email": "octo@example.com"],
            ],
            "repository": minimalRepository(run.repo), "head_repository": minimalRepository(run.headRepository),
        ]
    }

    /// A "Workflow" (docs.github.com/rest/actions/workflows#get-a-workflow), as a `workflow_run` delivery carries it.
    static func workflow(repo: String, name: String) -> [String: Any] {
        [
            "id": 1, "node_id": "W_1", "name": name, "path": ".github/workflows/ci.yml", "state": "active", "created_at": created, "updated_at": created,
            "url": "\(api)/repos/\(repo)/actions/workflows/1", "html_url": "https://github.com/\(repo)/blob/main/.github/workflows/ci.yml",
            "badge_url": "https://github.com/\(repo)/workflows/CI/badge.svg",
        ]
    }

    /// A "Job" of a run.
    static func job(_ job: EmulatedRun.Job, run: EmulatedRun, attempt: Int, base: String) -> [String: Any] {
        [
            "id": job.id, "node_id": "CR_\(job.id)", "run_id": run.id, "run_attempt": attempt, "run_url": "\(base)/repos/\(run.repo)/actions/runs/\(run.id)",
            "head_sha": run.headSHA, "name": job.name, "url": "\(base)/repos/\(run.repo)/actions/jobs/\(job.id)",
            "html_url": "https://github.com/\(run.repo)/actions/runs/\(run.id)/job/\(job.id)", "status": "completed", "conclusion": job.conclusion,
            "started_at": created, "completed_at": created, "check_run_url": "\(base)/repos/\(run.repo)/check-runs/\(job.id)", "steps": [],
        ]
    }

    /// A "Pull Request" (`full` for create, "Pull Request Simple" otherwise: a subset of the same fields).
    static func pull(_ pull: EmulatedPull, repo: String, defaultBranch: String, headSHA: String, baseSHA: String, full: Bool) -> [String: Any] {
        let url = "\(api)/repos/\(repo)/pulls/\(pull.number)"
        let issue = "\(api)/repos/\(repo)/issues/\(pull.number)"
        let owner = repo.split(separator: "/").first.map(String.init) ?? repo
        let repository = fullRepository(repo, defaultBranch: defaultBranch)
        let bot = simpleUser("ci-autofix[bot]", type: "Bot")
        var object: [String: Any] = [
            "id": pull.number * 1000, "node_id": "PR_\(pull.number)", "number": pull.number, "state": pull.state, "locked": false, "title": pull.title,
            "body": pull.body, "draft": pull.draft, "url": url, "html_url": "https://github.com/\(repo)/pull/\(pull.number)",
            "diff_url": "https://github.com/\(repo)/pull/\(pull.number).diff", "patch_url": "https://github.com/\(repo)/pull/\(pull.number).patch",
            "issue_url": issue, "commits_url": "\(url)/commits", "review_comments_url": "\(url)/comments",
            "review_comment_url": "\(api)/repos/\(repo)/pulls/comments{/number}",
            "comments_url": "\(issue)/comments", "statuses_url": "\(api)/repos/\(repo)/statuses/\(headSHA)", "user": bot, "assignee": NSNull(),
            "milestone": NSNull(), "labels": pull.labels.map { label(repo: repo, name: $0) }, "created_at": created, "updated_at": created,
            "closed_at": pull.closedAt.map { stamp($0) as Any } ?? NSNull(),
            "merged_at": pull.merged ? (pull.closedAt.map { stamp($0) as Any } ?? NSNull()) : NSNull(),
            "merge_commit_sha": pull.merged ? headSHA as Any : NSNull(), "author_association": "NONE", "auto_merge": NSNull(),
            "head": ["label": "\(owner):\(pull.head)", "ref": pull.head, "sha": headSHA, "user": simpleUser(owner, type: "Organization"), "repo": repository],
            "base": ["label": "\(owner):\(pull.base)", "ref": pull.base, "sha": baseSHA, "user": simpleUser(owner, type: "Organization"), "repo": repository],
            "_links": [
                "self": ["href": url], "html": ["href": "https://github.com/\(repo)/pull/\(pull.number)"], "issue": ["href": issue],
                "comments": ["href": "\(issue)/comments"], "review_comments": ["href": "\(url)/comments"],
                "review_comment": ["href": "\(api)/repos/\(repo)/pulls/comments{/number}"], "commits": ["href": "\(url)/commits"],
                "statuses": ["href": "\(api)/repos/\(repo)/statuses/\(headSHA)"],
            ],
        ]
        if full {
            let more: [String: Any] = [
                "merged": pull.merged, "mergeable": NSNull(), "mergeable_state": "unknown",
                "merged_by": pull.merged ? simpleUser(pull.closedBy ?? "octocat") as Any : NSNull(), "comments": pull.comments.count,
                "review_comments": 0, "maintainer_can_modify": true, "commits": 1, "additions": 1, "deletions": 1, "changed_files": 1,
            ]
            object.merge(more) { $1 }
        }
        return object
    }

    static func label(repo: String, name: String) -> [String: Any] {
        [
            "id": id("\(repo)#\(name)"), "node_id": "LA_\(id(name))",
            "url": "\(api)/repos/\(repo)/labels/\(name.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? name)",
            "name": name, "description": NSNull(), "color": "ededed", "default": false,
        ]
    }

    /// An "Issue Comment" (the n-th, 1-based, of a PR).
    static func comment(repo: String, number: Int, index: Int, body: String) -> [String: Any] {
        let id = number * 100 + index
        return [
            "id": id, "node_id": "IC_\(id)", "url": "\(api)/repos/\(repo)/issues/comments/\(id)", "body": body,
            "html_url": "https://github.com/\(repo)/pull/\(number)#issuecomment-\(id)", "issue_url": "\(api)/repos/\(repo)/issues/\(number)",
            "user": simpleUser("ci-autofix[bot]", type: "Bot"), "created_at": created, "updated_at": created, "author_association": "NONE",
        ]
    }

    /// GitHub's 422 "Validation Failed" (ops.json's validation-error: `message`, `documentation_url`, `errors[]`).
    static func validationFailed(_ errors: [[String: Any]], docs: String) -> [String: Any] {
        ["message": "Validation Failed", "errors": errors, "documentation_url": docs]
    }
}
