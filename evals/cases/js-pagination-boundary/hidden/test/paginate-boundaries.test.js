import { describe, it } from 'node:test';
import assert from 'node:assert/strict';

import { paginate } from '../src/paginate.js';

const numbers = (n) => Array.from({ length: n }, (_, i) => i + 1);

describe('paginate boundaries', () => {
  it('an exact multiple has no extra page', () => {
    const result = paginate(numbers(20), 2, 10);
    assert.equal(result.totalPages, 2);
    assert.deepEqual(result.items, numbers(20).slice(10));
    assert.equal(result.hasNext, false);
  });

  it('one item past a multiple starts a new page', () => {
    assert.deepEqual(paginate(numbers(21), 3, 10), { items: [21], page: 3, totalPages: 3, hasNext: false });
  });

  it('fewer items than a page is one page', () => {
    assert.deepEqual(paginate(numbers(3), 1, 10), { items: [1, 2, 3], page: 1, totalPages: 1, hasNext: false });
  });

  it('clamps a page past the end to the last page', () => {
    const result = paginate(numbers(45), 9, 20);
    assert.equal(result.page, 3);
    assert.deepEqual(result.items, [41, 42, 43, 44, 45]);
  });

  it('every item appears on exactly one page', () => {
    for (const [count, perPage] of [[1, 1], [7, 3], [30, 7], [100, 10], [101, 25]]) {
      const { totalPages } = paginate(numbers(count), 1, perPage);
      const seen = [];
      for (let page = 1; page <= totalPages; page += 1) seen.push(...paginate(numbers(count), page, perPage).items);
      assert.deepEqual(seen, numbers(count), `${count} items, ${perPage} per page`);
    }
  });
});
