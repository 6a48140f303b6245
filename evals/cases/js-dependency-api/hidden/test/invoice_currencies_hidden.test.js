'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const { renderLine, renderInvoice } = require('../src/invoice');

test('renderLine uses the invoice currency', () => {
  assert.equal(
    renderLine({ description: 'Support hours', quantity: 12, unitCents: 9500 }, 'GBP'),
    'Support hours             12 x £1,140.00',
  );
});

test('renderInvoice in US dollars', () => {
  const invoice = {
    currency: 'USD',
    lines: [
      { description: 'Seats', quantity: 25, unitCents: 1200 },
      { description: 'Credit', quantity: 1, unitCents: -2500 },
    ],
  };
  assert.equal(
    renderInvoice(invoice),
    [
      'Seats                     25 x $300.00',
      'Credit                     1 x -$25.00',
      'Total: $275.00',
    ].join('\n'),
  );
});

test('an unsupported currency is still an error', () => {
  assert.throws(() => renderInvoice({ currency: 'XYZ', lines: [{ description: 'x', quantity: 1, unitCents: 1 }] }), TypeError);
});
