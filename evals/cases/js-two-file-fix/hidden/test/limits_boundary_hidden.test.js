'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const { MAX_UPLOAD_BYTES } = require('../src/limits');
const { validateUpload } = require('../src/upload');

const MB = 1024 * 1024;

test('MAX_UPLOAD_BYTES is 10 MB in bytes', () => {
  assert.equal(MAX_UPLOAD_BYTES, 10 * MB);
});

test('a file of exactly 10 MB is accepted', () => {
  assert.deepEqual(validateUpload({ name: 'a.pdf', type: 'application/pdf', size: 10 * MB }), []);
});

test('one byte over 10 MB is rejected', () => {
  assert.deepEqual(validateUpload({ name: 'b.pdf', type: 'application/pdf', size: 10 * MB + 1 }), [
    'b.pdf: larger than 10 MB',
  ]);
});

test('wrong type and oversized are both reported', () => {
  assert.deepEqual(validateUpload({ name: 'c.gif', type: 'image/gif', size: 11 * MB }), [
    'c.gif: unsupported file type image/gif',
    'c.gif: larger than 10 MB',
  ]);
});
