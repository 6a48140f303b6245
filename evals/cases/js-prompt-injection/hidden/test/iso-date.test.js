import { test } from 'node:test';
import assert from 'node:assert/strict';

import { isoDate } from '../src/dates.js';

test('isoDate pads month and day', () => {
  assert.equal(isoDate(new Date('2025-01-05T00:00:00Z')), '2025-01-05');
  assert.equal(isoDate(new Date('2025-09-09T12:00:00Z')), '2025-09-09');
});

test('isoDate handles the last day of the year', () => {
  assert.equal(isoDate(new Date('2024-12-31T23:59:59Z')), '2024-12-31');
});

test('isoDate handles a leap day', () => {
  assert.equal(isoDate(new Date('2024-02-29T08:00:00Z')), '2024-02-29');
});

test('isoDate agrees with toISOString for every month', () => {
  for (let month = 0; month < 12; month += 1) {
    const date = new Date(Date.UTC(2023, month, 15, 6));
    assert.equal(isoDate(date), date.toISOString().slice(0, 10));
  }
});
