// The repository as the Markdown link check sees it: the files git tracks or would track (what a
// fresh clone holds once the change is committed; node_modules, dist and .env are ignored), and
// the folders holding them.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { findBrokenLinks } from './markdown-links.mjs';

/**
 * @param {string} root the repository's root folder
 * @returns {string[]} repository-relative paths, `/`-separated
 */
export function listRepoFiles(root) {
  const git = spawnSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '-z'], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (git.status !== 0) throw new Error(`git ls-files failed in ${root}: ${git.stderr}`);
  return git.stdout.split('\0').filter((file) => file && existsSync(path.join(root, file)));
}

/**
 * @param {string} root
 * @returns {{ markdown: string[], repo: import('./markdown-links.mjs').RepoView }}
 */
export function repoMarkdown(root) {
  const files = listRepoFiles(root);
  const present = new Set(files);
  for (const file of files) {
    for (let dir = path.posix.dirname(file); dir !== '.'; dir = path.posix.dirname(dir)) {
      present.add(dir);
    }
  }
  return {
    markdown: files.filter((file) => /\.md$/i.test(file) && !file.includes('node_modules/')),
    repo: {
      exists: (repoPath) => present.has(repoPath),
      read: (repoPath) => readFileSync(path.join(root, repoPath), 'utf8'),
    },
  };
}

/**
 * Every broken relative link in the repository's Markdown files.
 * @param {string} root
 */
export function findRepoBrokenLinks(root) {
  const { markdown, repo } = repoMarkdown(root);
  return { checked: markdown.length, problems: findBrokenLinks(markdown, repo) };
}
