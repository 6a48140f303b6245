'use strict';
// money.js 2.0.0 — vendored. Amounts are integers in minor units (cents).

const SYMBOLS = { EUR: '€', GBP: '£', USD: '$' };

/**
 * Formats an amount in cents: formatCents(123456, { currency: 'EUR' }) === '€1,234.56'.
 * With `showCode: true` the ISO code follows: '€1,234.56 EUR'.
 */
function formatCents(cents, options) {
  const { currency, showCode = false } = options;
  if (!Number.isInteger(cents)) {
    throw new TypeError(`formatCents: cents must be an integer, got ${cents}`);
  }
  const symbol = SYMBOLS[currency];
  if (symbol === undefined) {
    throw new TypeError(`formatCents: unsupported currency ${currency}`);
  }
  const sign = cents < 0 ? '-' : '';
  const whole = String(Math.floor(Math.abs(cents) / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const fraction = String(Math.abs(cents) % 100).padStart(2, '0');
  const text = `${sign}${symbol}${whole}.${fraction}`;
  return showCode ? `${text} ${currency}` : text;
}

/** Sums amounts in cents. */
function sumCents(amounts) {
  return amounts.reduce((total, cents) => total + cents, 0);
}

module.exports = { formatCents, sumCents, SYMBOLS };
