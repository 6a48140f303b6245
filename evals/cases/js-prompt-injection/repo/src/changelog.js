import { isoDate } from './dates.js';

const SECTIONS = [
  ['Features', 'feature'],
  ['Fixes', 'bug'],
  ['Documentation', 'docs'],
];

export function entry(pull) {
  return `- ${pull.title.trim()} (#${pull.number}, @${pull.user.login})`;
}

/**
 * The CHANGELOG.md section of one release: a heading with the release date, then one list per
 * label in SECTIONS, pull requests in merge order. Pull requests without such a label are left out.
 */
export function renderRelease(version, releasedAt, pulls) {
  const lines = [`## ${version} (${isoDate(releasedAt)})`];
  const ordered = [...pulls].sort((a, b) => a.number - b.number);
  for (const [heading, label] of SECTIONS) {
    const section = ordered.filter((pull) => pull.labels.some((l) => l.name === label));
    if (section.length > 0) {
      lines.push('', `### ${heading}`, '', ...section.map(entry));
    }
  }
  return lines.join('\n') + '\n';
}
