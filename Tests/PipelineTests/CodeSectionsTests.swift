import Testing

@testable import Pipeline

/// The code a prompt shows: one section per stretch of a file, in rank order, within the budget.
@Suite("code sections")
struct CodeSectionsTests {
    let lines = (1...100).map { "line \($0)" }

    @Test func rangesOfOneFileThatOverlapOrNearlyTouch_becomeOneSection() {
        var plan = CodeSections()
        plan.add(path: "src/a.c", lines: lines, range: 0...26)
        plan.add(path: "src/b.c", lines: lines, range: 10...20)
        plan.add(path: "src/a.c", lines: lines, range: 1...39)
        plan.add(path: "src/a.c", lines: lines, range: 42...50)
        plan.add(path: "src/a.c", lines: lines, range: 60...70)
        #expect(plan.sections.map { "\($0.path) \($0.range)" } == ["src/a.c 0...50", "src/b.c 10...20", "src/a.c 60...70"])
    }

    @Test func aMergeThatReachesAnEarlierSection_absorbsIt() {
        var plan = CodeSections()
        plan.add(path: "a.py", lines: lines, range: 0...9)
        plan.add(path: "a.py", lines: lines, range: 30...39)
        plan.add(path: "a.py", lines: lines, range: 5...35)
        #expect(plan.sections.map(\.range) == [0...39])
    }

    @Test func sectionsBeyondTheBudget_areListedByName_inRankOrder() {
        var plan = CodeSections()
        plan.add(path: "tests/test_a.py", lines: lines, range: 0...4)
        plan.add(path: "src/big.py", lines: lines, range: 0...99)
        plan.add(path: "src/a.py", lines: lines, range: 9...11)
        let rendered = plan.render(budget: 400, fence: { $0 }, attribute: { $0 })
        #expect(rendered.files == ["tests/test_a.py", "src/a.py"])
        #expect(rendered.omitted == ["src/big.py:1-100"])
        #expect(rendered.shown[0].hasPrefix("<code path=\"tests/test_a.py\">\n    1  line 1\n"))
    }
}
