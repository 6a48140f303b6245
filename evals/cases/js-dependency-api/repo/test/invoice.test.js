'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const { lineTotal, renderInvoice } = require('../src/invoice');

const invoice = {
  currency: 'EUR',
  lines: [
    { description: 'Hosting (monthly)', quantity: 1, unitCents: 4900 },
    { description: 'Extra storage 100 GB', quantity: 3, unitCents: 350 },
  ],
};

test('lineTotal multiplies quantity by unit price', () => {
  assert.equal(lineTotal({ quantity: 3, unitCents: 350 }), 1050);
});

test('renderInvoice lists every line and the total', () => {
  assert.equal(
    renderInvoice(invoice),
    [
      'Hosting (monthly)          1 x €49.00',
      'Extra storage 100 GB       3 x €10.50',
      'Total: €59.50',
    ].join('\n'),
  );
});
