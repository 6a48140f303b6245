'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const { ALLOWED_TYPES, describeLimits } = require('../src/limits');

test('PDF attachments are allowed', () => {
  assert.ok(ALLOWED_TYPES.has('application/pdf'));
});

test('describeLimits states the size limit in MB', () => {
  assert.equal(describeLimits(), 'PNG, JPEG or PDF, up to 10 MB');
});
