'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const { formatCents, sumCents } = require('../lib/vendor/money');

test('formatCents groups thousands', () => {
  assert.equal(formatCents(123456, { currency: 'EUR' }), '€1,234.56');
});

test('formatCents can append the currency code', () => {
  assert.equal(formatCents(-250, { currency: 'USD', showCode: true }), '-$2.50 USD');
});

test('sumCents adds amounts', () => {
  assert.equal(sumCents([100, 250, 5]), 355);
});
