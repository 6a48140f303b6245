import Testing

@testable import Pipeline

/// Where definitions are searched: the whole tree when it is small, the failing project in a monorepo.
@Suite struct SearchScopeTests {
    /// A monorepo: `services/billing` (3 files), `services/search` (5,000), `libs/core` (2), a root file.
    let monorepo: [String] =
        ["services/billing/app/calc.py", "services/billing/app/money.py", "services/billing/tests/test_calc.py"]
        + (0..<5000).map { "services/search/index/f\($0).py" } + ["libs/core/util.py", "libs/core/io.py", "README.md"]

    @Test func aSmallTree_isSearchedWhole() {
        #expect(SearchScope(maxFiles: 10_000).directories(files: monorepo, anchors: ["services/billing/app/calc.py"]) == [])
    }

    @Test func aBigTree_isSearchedInTheLargestDirectoriesAroundTheFailure_thatStaySmall() {
        let scope = SearchScope(maxFiles: 100)
        // `services` holds 5,003 files: too many; `services/billing` is the failing project.
        #expect(
            scope.directories(files: monorepo, anchors: ["services/billing/tests/test_calc.py", "services/billing/app/calc.py"])
                == ["services/billing"])
        #expect(scope.directories(files: monorepo, anchors: ["services/billing/app/calc.py", "libs/core/util.py"]) == ["libs", "services/billing"])
    }

    @Test func aFileUnderADirectoryTooBigOnItsOwn_isSearchedByItsOwnDirectory() {
        #expect(SearchScope(maxFiles: 100).directories(files: monorepo, anchors: ["services/search/index/f1.py"]) == ["services/search/index"])
    }

    @Test func withoutAnchorsInADirectory_theWholeTreeIsSearched() {
        #expect(SearchScope(maxFiles: 100).directories(files: monorepo, anchors: []) == [])
        #expect(SearchScope(maxFiles: 100).directories(files: monorepo, anchors: ["README.md"]) == [])
    }
}
