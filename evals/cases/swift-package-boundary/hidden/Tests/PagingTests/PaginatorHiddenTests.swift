import Paging
import XCTest

final class PaginatorHiddenTests: XCTestCase {
    func testLastPageWhenItemsFillItExactly() {
        let paginator = Paginator(items: Array(1...8), pageSize: 4)
        XCTAssertEqual(paginator.page(2), [5, 6, 7, 8])
        XCTAssertNil(paginator.page(3))
    }

    func testSinglePage() {
        let paginator = Paginator(items: ["a", "b"], pageSize: 5)
        XCTAssertEqual(paginator.page(1), ["a", "b"])
        XCTAssertNil(paginator.page(2))
    }

    func testNoPagesWhenEmpty() {
        let paginator = Paginator(items: [Int](), pageSize: 3)
        XCTAssertEqual(paginator.pageCount, 0)
        XCTAssertNil(paginator.page(1))
    }

    func testPagesBeyondTheEnd() {
        let paginator = Paginator(items: Array(1...10), pageSize: 4)
        XCTAssertNil(paginator.page(4))
        XCTAssertNil(paginator.page(-1))
    }
}
