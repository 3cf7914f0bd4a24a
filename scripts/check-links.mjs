#!/usr/bin/env node
// Fails on a relative link to a missing file, or to a missing heading of a Markdown file, in any
// of the repository's Markdown files (docs/conventions.md rule 18). `npm test` runs the same check
// through scripts/markdown-links.test.mjs.
//
//   node scripts/check-links.mjs
import { fileURLToPath } from 'node:url';
import { formatLinkProblems } from './lib/markdown-links.mjs';
import { findRepoBrokenLinks } from './lib/repo-markdown.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const { checked, problems } = findRepoBrokenLinks(root);
if (problems.length) console.error(formatLinkProblems(problems));
console.log(`check-links: ${checked} Markdown files, ${problems.length} broken links`);
process.exitCode = problems.length ? 1 : 0;
