'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const { validateUpload } = require('../src/upload');

const MB = 1024 * 1024;

test('accepts a small PNG', () => {
  assert.deepEqual(validateUpload({ name: 'screenshot.png', type: 'image/png', size: 2 * MB }), []);
});

test('rejects an unsupported type', () => {
  assert.deepEqual(validateUpload({ name: 'notes.txt', type: 'text/plain', size: 120 }), [
    'notes.txt: unsupported file type text/plain',
  ]);
});

test('rejects an empty file', () => {
  assert.deepEqual(validateUpload({ name: 'scan.pdf', type: 'application/pdf', size: 0 }), ['scan.pdf: the file is empty']);
});

test('rejects a file over the size limit', () => {
  assert.deepEqual(validateUpload({ name: 'video-call.png', type: 'image/png', size: 25 * MB }), [
    'video-call.png: larger than 10 MB',
  ]);
});
