import { test } from 'node:test';
import assert from 'node:assert/strict';

import { exportCsv } from '../src/export.js';

const catalog = [
  { sku: 'T-104', name: 'Sencha', category: 'green', priceCents: 850, stock: 12 },
  { sku: 'T-101', name: 'Assam', category: 'black', priceCents: 700, stock: 0 },
  { sku: 'T-107', name: 'Gyokuro', category: 'green', priceCents: 1900, stock: 3 },
  { sku: 'T-110', name: 'Earl Grey, Smoky', category: 'black', priceCents: 790, stock: 8 },
];

test('exports the green teas sorted by name', () => {
  assert.equal(
    exportCsv(catalog, 'green'),
    'sku,name,category,price,stock\n' + 'T-107,Gyokuro,green,19.00,3\n' + 'T-104,Sencha,green,8.50,12\n',
  );
});
