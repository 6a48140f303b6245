import { describe, it } from 'node:test';
import assert from 'node:assert/strict';

import { linkHeader } from '../src/links.js';

describe('linkHeader', () => {
  it('links a middle page to its neighbours', () => {
    assert.equal(
      linkHeader('https://shop.example/api/products?category=tea', { page: 2, totalPages: 3 }),
      '<https://shop.example/api/products?category=tea&page=1>; rel="first", ' +
        '<https://shop.example/api/products?category=tea&page=1>; rel="prev", ' +
        '<https://shop.example/api/products?category=tea&page=3>; rel="next", ' +
        '<https://shop.example/api/products?category=tea&page=3>; rel="last"',
    );
  });

  it('has no prev link on the first page', () => {
    const header = linkHeader('https://shop.example/api/products', { page: 1, totalPages: 2 });
    assert.doesNotMatch(header, /rel="prev"/);
  });
});
