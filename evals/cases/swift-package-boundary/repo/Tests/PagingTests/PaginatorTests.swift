import Paging
import XCTest

final class PaginatorTests: XCTestCase {
    let results = Array(1...10)

    func testPageCountRoundsUp() {
        XCTAssertEqual(Paginator(items: results, pageSize: 4).pageCount, 3)
    }

    func testFirstPage() {
        XCTAssertEqual(Paginator(items: results, pageSize: 4).page(1), [1, 2, 3, 4])
    }

    func testLastPageHoldsTheRemainder() {
        XCTAssertEqual(Paginator(items: results, pageSize: 4).page(3), [9, 10])
    }

    func testNoPageZero() {
        XCTAssertNil(Paginator(items: results, pageSize: 4).page(0))
    }

    func testHasPageAfter() {
        let paginator = Paginator(items: results, pageSize: 4)
        XCTAssertTrue(paginator.hasPage(after: 2))
        XCTAssertFalse(paginator.hasPage(after: 3))
    }
}
