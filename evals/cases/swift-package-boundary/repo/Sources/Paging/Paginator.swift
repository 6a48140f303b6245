/// Splits a list of results into fixed-size pages, numbered from 1.
public struct Paginator<Element> {
    public let items: [Element]
    public let pageSize: Int

    public init(items: [Element], pageSize: Int) {
        precondition(pageSize > 0, "pageSize must be positive")
        self.items = items
        self.pageSize = pageSize
    }

    /// The number of pages; an empty list has none.
    public var pageCount: Int {
        (items.count + pageSize - 1) / pageSize
    }

    /// The items on page `number`, or nil when there is no such page.
    public func page(_ number: Int) -> [Element]? {
        guard number >= 1, number < pageCount else { return nil }
        let start = (number - 1) * pageSize
        let end = min(start + pageSize, items.count)
        return Array(items[start..<end])
    }

    /// Whether a page follows page `number`.
    public func hasPage(after number: Int) -> Bool {
        number < pageCount
    }
}
