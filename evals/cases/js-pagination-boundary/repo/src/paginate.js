/**
 * Cuts a list into pages of `perPage` items. Pages are numbered from 1; a page past the end
 * is clamped to the last page. An empty list still has one (empty) page.
 */
export function paginate(items, page = 1, perPage = 20) {
  if (!Number.isInteger(page) || page < 1) {
    throw new RangeError(`page must be a positive integer, got ${page}`);
  }
  if (!Number.isInteger(perPage) || perPage < 1) {
    throw new RangeError(`perPage must be a positive integer, got ${perPage}`);
  }
  const totalPages = Math.max(1, Math.floor(items.length / perPage));
  const current = Math.min(page, totalPages);
  const start = (current - 1) * perPage;
  return {
    items: items.slice(start, start + perPage),
    page: current,
    totalPages,
    hasNext: current < totalPages,
  };
}
