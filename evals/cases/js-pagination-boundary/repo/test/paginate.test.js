import { describe, it } from 'node:test';
import assert from 'node:assert/strict';

import { paginate } from '../src/paginate.js';

const skus = (n) => Array.from({ length: n }, (_, i) => `SKU-${String(i + 1).padStart(3, '0')}`);

describe('paginate', () => {
  it('returns the first page', () => {
    const result = paginate(skus(25), 1, 10);
    assert.deepEqual(result.items, skus(10));
    assert.equal(result.hasNext, true);
  });

  it('puts the remainder on the last page', () => {
    assert.deepEqual(paginate(skus(25), 3, 10), {
      items: ['SKU-021', 'SKU-022', 'SKU-023', 'SKU-024', 'SKU-025'],
      page: 3,
      totalPages: 3,
      hasNext: false,
    });
  });

  it('gives an empty list one empty page', () => {
    assert.deepEqual(paginate([], 1, 10), { items: [], page: 1, totalPages: 1, hasNext: false });
  });

  it('rejects page 0', () => {
    assert.throws(() => paginate(skus(5), 0, 10), RangeError);
  });
});
