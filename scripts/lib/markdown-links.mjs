// Pure helpers for the Markdown link check (docs/conventions.md rule 18: docs cannot drift): find
// the relative links of a Markdown file, resolve them inside the repository and report the ones
// whose file is missing, or whose `#anchor` names no heading of the Markdown file they point at.
// The caller passes the file system in (`exists`, `read`), so everything is testable with fixtures.

import path from 'node:path/posix';

/**
 * @typedef {object} Link
 * @property {number} line    1-based line of the link.
 * @property {string} target  The link's destination as written (angle brackets and title removed).
 *
 * @typedef {object} LinkProblem
 * @property {string} file    Repository-relative path of the Markdown file holding the link.
 * @property {number} line
 * @property {string} target
 * @property {string} reason
 *
 * @typedef {object} RepoView
 * @property {(repoPath: string) => boolean} exists  A tracked file or a folder holding one.
 * @property {(repoPath: string) => string} read     A Markdown file's text.
 */

/** A scheme (`https:`, `mailto:`, `data:` …) or a protocol-relative `//host`: not ours to check. */
const EXTERNAL = /^(?:[a-z][a-z0-9+.-]*:|\/\/)/i;

/**
 * GitHub's heading anchor: lower case, punctuation other than `-` and `_` dropped, each space a `-`.
 * @param {string} text the heading's text, Markdown already removed
 */
export function githubSlug(text) {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc}\- ]/gu, '')
    .replace(/ /g, '-');
}

/**
 * The heading's visible text: code spans, links and emphasis reduced to their words.
 * @param {string} heading
 */
function headingText(heading) {
  return heading
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/<[^>]+>/g, '')
    .replace(/`+/g, '')
    .replace(/(\*{1,3}|_{1,3})(\S(?:.*?\S)?)\1/g, '$2')
    .trim();
}

/**
 * Each line with a flag saying whether it is inside a fenced code block (fences included).
 * @param {string} text
 */
function linesWithFences(text) {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  /** @type {{ text: string, code: boolean }[]} */
  const out = [];
  /** @type {RegExp | null} */
  let close = null;
  for (const line of lines) {
    if (close) {
      out.push({ text: line, code: true });
      if (close.test(line)) close = null;
      continue;
    }
    const open = /^ {0,3}(`{3,}|~{3,})(.*)$/.exec(line);
    if (open && !(open[1]?.startsWith('`') && open[2]?.includes('`'))) {
      const marker = /** @type {string} */ (open[1]);
      close = new RegExp(`^ {0,3}\\${marker[0]}{${marker.length},}\\s*$`);
      out.push({ text: line, code: true });
      continue;
    }
    out.push({ text: line, code: false });
  }
  return out;
}

/**
 * The anchors GitHub makes for a Markdown file: one per heading (ATX `#` and setext), a `-1`, `-2`
 * suffix on repeats, and explicit `<a id="…">` / `<a name="…">` targets.
 * @param {string} text
 * @returns {Set<string>}
 */
export function headingAnchors(text) {
  /** @type {Set<string>} */
  const anchors = new Set();
  /** @type {Map<string, number>} */
  const seen = new Map();
  const add = (/** @type {string} */ heading) => {
    const slug = githubSlug(headingText(heading));
    const count = seen.get(slug) ?? 0;
    seen.set(slug, count + 1);
    anchors.add(count === 0 ? slug : `${slug}-${count}`);
  };
  const lines = linesWithFences(text);
  lines.forEach(({ text: line, code }, i) => {
    if (code) return;
    for (const m of line.matchAll(/<a\s[^>]*?\b(?:id|name)\s*=\s*["']([^"']+)["']/gi)) {
      anchors.add(/** @type {string} */ (m[1]));
    }
    const atx = /^ {0,3}#{1,6}(?:\s+(.*?))?(?:\s+#+)?\s*$/.exec(line);
    if (atx) return add(atx[1] ?? '');
    const next = lines[i + 1];
    if (line.trim() && next && !next.code && /^ {0,3}(=+|-+)\s*$/.test(next.text)) {
      if (!/^\s*([-*_]\s*){3,}$/.test(line) && !/^\s*\|/.test(line)) add(line.trim());
    }
  });
  return anchors;
}

/**
 * Inline links and images `[text](target "title")`, `[text](<target>)`, and reference definitions
 * `[label]: target`, outside fenced code, code spans and HTML comments.
 * @param {string} text
 * @returns {Link[]}
 */
export function findLinks(text) {
  /** @type {Link[]} */
  const links = [];
  let inComment = false;
  linesWithFences(text).forEach(({ text: raw, code }, i) => {
    if (code) return;
    let line = raw;
    // HTML comments, possibly spanning lines.
    if (inComment) {
      const end = line.indexOf('-->');
      if (end < 0) return;
      line = line.slice(end + 3);
      inComment = false;
    }
    line = line.replace(/<!--.*?-->/g, '');
    const open = line.indexOf('<!--');
    if (open >= 0) {
      line = line.slice(0, open);
      inComment = true;
    }
    line = line.replace(/(`+)[\s\S]*?\1/g, (m) => ' '.repeat(m.length));
    const definition = /^ {0,3}\[[^\]^][^\]]*\]:\s*(<[^>]*>|\S+)/.exec(line);
    if (definition) {
      links.push({ line: i + 1, target: unwrap(/** @type {string} */ (definition[1])) });
      return;
    }
    const inline =
      /\]\(\s*(<[^>]*>|(?:[^()\s]|\([^()\s]*\))+)(?:\s+(?:"[^"]*"|'[^']*'|\([^)]*\)))?\s*\)/g;
    for (const m of line.matchAll(inline)) {
      links.push({ line: i + 1, target: unwrap(/** @type {string} */ (m[1])) });
    }
  });
  return links;
}

/** @param {string} target */
function unwrap(target) {
  return target.startsWith('<') && target.endsWith('>') ? target.slice(1, -1) : target;
}

/** @param {string} s */
function decode(s) {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/**
 * The problems of one link in `file` (a repository-relative path), or null when it is fine or not
 * a relative link (a URL, `mailto:`, a bare `#anchor` within the same file).
 * @param {string} file
 * @param {string} target
 * @param {RepoView} repo
 * @returns {string | null}
 */
export function checkLink(file, target, repo) {
  if (!target || EXTERNAL.test(target) || target.startsWith('#')) return null;
  const hashAt = target.indexOf('#');
  const withoutHash = hashAt < 0 ? target : target.slice(0, hashAt);
  const anchor = hashAt < 0 ? '' : decode(target.slice(hashAt + 1));
  const relative = decode(withoutHash.replace(/\?.*$/, ''));
  // GitHub resolves `/path` from the repository's root.
  const joined = relative.startsWith('/')
    ? path.normalize(relative.slice(1))
    : path.normalize(path.join(path.dirname(file), relative));
  const resolved = joined.replace(/\/+$/, '') || '.';
  if (resolved === '..' || resolved.startsWith('../')) return `${target} leaves the repository`;
  if (resolved !== '.' && !repo.exists(resolved)) return `${resolved} does not exist`;
  if (anchor && /\.md$/i.test(resolved) && !headingAnchors(repo.read(resolved)).has(anchor)) {
    return `${resolved} has no heading #${anchor}`;
  }
  return null;
}

/**
 * Every broken relative link in the given Markdown files.
 * @param {string[]} files repository-relative paths of the Markdown files to check
 * @param {RepoView} repo
 * @returns {LinkProblem[]}
 */
export function findBrokenLinks(files, repo) {
  return files.flatMap((file) =>
    findLinks(repo.read(file)).flatMap(({ line, target }) => {
      const reason = checkLink(file, target, repo);
      return reason === null ? [] : [{ file, line, target, reason }];
    }),
  );
}

/**
 * @param {LinkProblem[]} problems
 */
export function formatLinkProblems(problems) {
  return problems.map((p) => `${p.file}:${p.line}: (${p.target}) ${p.reason}`).join('\n');
}
