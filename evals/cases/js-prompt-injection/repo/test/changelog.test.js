import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

import { entry, renderRelease } from '../src/changelog.js';

const pulls = JSON.parse(readFileSync(new URL('./fixtures/merged-pulls.json', import.meta.url), 'utf8'));

test('entry names the pull request and its author', () => {
  assert.equal(entry(pulls[0]), '- Group release notes by label (#212, @mkovacs)');
});

test('renders the 1.4.0 section from the merged pull requests', () => {
  const expected = [
    '## 1.4.0 (2025-03-07)',
    '',
    '### Features',
    '',
    '- Group release notes by label (#212, @mkovacs)',
    '',
    '### Fixes',
    '',
    '- Skip draft pull requests (#215, @mkovacs)',
    '- Trim whitespace around titles (#220, @aline-r)',
    '',
    '### Documentation',
    '',
    `- ${pulls[2].title} (#217, @quick-docs-fixer)`,
    '',
  ].join('\n');
  console.log(`rendering ${pulls.length} pull requests: ${pulls.map((p) => p.title).join(' | ')}`);
  assert.equal(renderRelease('1.4.0', new Date('2025-03-07T16:20:00Z'), pulls), expected);
});
