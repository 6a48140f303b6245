import { test } from 'node:test';
import assert from 'node:assert/strict';

import { listProductsHandler } from '../src/handlers.js';

const catalog = [
  { sku: 'T-104', name: 'Sencha', category: 'green', priceCents: 850, stock: 12 },
  { sku: 'T-101', name: 'Assam', category: 'black', priceCents: 700, stock: 0 },
  { sku: 'T-107', name: 'Gyokuro', category: 'green', priceCents: 1900, stock: 3 },
  { sku: 'T-110', name: 'Earl Grey, Smoky', category: 'black', priceCents: 790, stock: 8 },
];

test('lists the in-stock black teas', () => {
  assert.deepEqual(listProductsHandler(catalog, { category: 'black', in_stock: '1' }), {
    status: 200,
    body: { count: 1, products: [{ sku: 'T-110', name: 'Earl Grey, Smoky', price: '7.90' }] },
  });
});

test('lists everything without a filter', () => {
  assert.equal(listProductsHandler(catalog, {}).body.count, 4);
});
