/**
 * Finds the products matching a filter, sorted by name.
 * Returns { items, count } so that handlers can report the number of matches next to the list.
 */
export function findProducts(catalog, { category, inStockOnly = false } = {}) {
  const items = catalog
    .filter((product) => category === undefined || product.category === category)
    .filter((product) => !inStockOnly || product.stock > 0)
    .sort((a, b) => a.name.localeCompare(b.name, 'en'));
  return { items, count: items.length };
}

export function formatPrice(cents) {
  return (cents / 100).toFixed(2);
}
