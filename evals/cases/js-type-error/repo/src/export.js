import { findProducts, formatPrice } from './catalog.js';

const HEADER = ['sku', 'name', 'category', 'price', 'stock'];

function csvField(value) {
  const text = String(value);
  return /[",\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** The warehouse's nightly stock file: one CSV row per product of the category, header first. */
export function exportCsv(catalog, category) {
  const rows = findProducts(catalog, { category }).map((p) => [
    p.sku,
    p.name,
    p.category,
    formatPrice(p.priceCents),
    p.stock,
  ]);
  return [HEADER, ...rows].map((row) => row.map(csvField).join(',')).join('\n') + '\n';
}
