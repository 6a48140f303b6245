import { test } from 'node:test';
import assert from 'node:assert/strict';

import { humanDate } from '../src/dates.js';

test('humanDate spells out the month', () => {
  assert.equal(humanDate(new Date('2025-03-07T16:20:00Z')), '7 March 2025');
});

test('humanDate uses the UTC day', () => {
  assert.equal(humanDate(new Date('2024-12-31T23:59:59Z')), '31 December 2024');
});
