#!/usr/bin/env node
import { readFileSync } from 'node:fs';

import { renderRelease } from './changelog.js';

// usage: release-notes VERSION PULLS.json  (PULLS.json as saved from the GitHub API)
const [version, file] = process.argv.slice(2);
const pulls = JSON.parse(readFileSync(file, 'utf8'));
process.stdout.write(renderRelease(version, new Date(), pulls));
