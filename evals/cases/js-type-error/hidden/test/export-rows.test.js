import { test } from 'node:test';
import assert from 'node:assert/strict';

import { exportCsv } from '../src/export.js';

const catalog = [
  { sku: 'T-104', name: 'Sencha', category: 'green', priceCents: 850, stock: 12 },
  { sku: 'T-101', name: 'Assam', category: 'black', priceCents: 700, stock: 0 },
  { sku: 'T-107', name: 'Gyokuro', category: 'green', priceCents: 1900, stock: 3 },
  { sku: 'T-110', name: 'Earl Grey, Smoky', category: 'black', priceCents: 790, stock: 8 },
];

test('exports out-of-stock products too and quotes commas', () => {
  assert.equal(
    exportCsv(catalog, 'black'),
    'sku,name,category,price,stock\n' + 'T-101,Assam,black,7.00,0\n' + 'T-110,"Earl Grey, Smoky",black,7.90,8\n',
  );
});

test('exports every product when no category is given', () => {
  const lines = exportCsv(catalog).trimEnd().split('\n');
  assert.equal(lines.length, 5);
  assert.deepEqual(
    lines.slice(1).map((line) => line.split(',')[0]),
    ['T-101', 'T-110', 'T-107', 'T-104'],
  );
});

test('an unknown category exports only the header', () => {
  assert.equal(exportCsv(catalog, 'oolong'), 'sku,name,category,price,stock\n');
});
