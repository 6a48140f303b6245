import { findProducts, formatPrice } from './catalog.js';

/** GET /api/products?category=…&in_stock=1 */
export function listProductsHandler(catalog, query) {
  const { items, count } = findProducts(catalog, {
    category: query.category,
    inStockOnly: query.in_stock === '1',
  });
  return {
    status: 200,
    body: {
      count,
      products: items.map((p) => ({ sku: p.sku, name: p.name, price: formatPrice(p.priceCents) })),
    },
  };
}
