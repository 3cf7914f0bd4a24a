// Pure helpers for scripts/check-readme.mjs (docs/conventions.md rule 18): parse a README into
// documented curl calls, rewrite their port, and compare actual with documented output.
// No I/O here, so everything is unit-testable with `node --test`.

/**
 * @typedef {'json' | 'text'} ExpectedKind
 *
 * @typedef {object} Call
 * @property {number} line            1-based line of the call block's opening fence.
 * @property {number} endLine         1-based line of the call block's closing fence (or last line).
 * @property {string} command         The block's text, run with `bash -c`.
 * @property {string | null} expected The expected output block's text (null when missing/skipped).
 * @property {ExpectedKind | null} kind
 * @property {boolean} skip           Preceded by `<!-- check-readme skip -->`.
 * @property {string} [error]         Set when the call is malformed (e.g. no expected block).
 *
 * @typedef {object} ParsedReadme
 * @property {string | null} start    Start command from `<!-- check-readme start="…" -->`.
 * @property {string | null} ready    Readiness path from the `ready="…"` attribute.
 * @property {number | null} startLine
 * @property {Call[]} calls
 *
 * @typedef {object} CompareResult
 * @property {boolean} ok
 * @property {string} message         Human-readable diff (empty when ok).
 */

/** Info strings (first word) of fenced blocks that may hold calls. */
const CALL_LANGS = new Set(['sh', 'bash', 'shell']);
/** Info strings (first word) of fenced blocks that hold expected output. */
const EXPECTED_LANGS = new Set(['json', 'text']);

/** Object keys whose values are replaced by "<masked>" before comparing JSON. */
export const VOLATILE_KEYS = new Set([
  'id',
  'created',
  'created_at',
  'createdAt',
  'updated_at',
  'updatedAt',
  'at',
  'timestamp',
  'durationMs',
  'duration_ms',
  'latencyMs',
  'system_fingerprint',
  'requestId',
  'runId',
  'responseId',
]);

export const MASK = '<masked>';

/**
 * `curl` in command position: at the start of a line (after an optional `$ ` prompt and
 * `VAR=value` assignments), or after `;`, `&`, `|`, `(`, `$(` or a backtick.
 */
const CURL_COMMAND_RE = /(?:^|[;&|(`])\s*(?:\$\s+)?(?:[A-Za-z_][A-Za-z0-9_]*=\S*\s+)*curl\s/m;

/**
 * @typedef {object} Fence
 * @property {number} start   0-based index of the opening fence line.
 * @property {number} end     0-based index of the closing fence line (or last line if unclosed).
 * @property {string} lang    First word of the info string, lower-cased.
 * @property {string} content Lines between the fences, indentation of the fence removed.
 */

/**
 * Line-based CommonMark-ish fence scanner: ``` or ~~~ (3+), closed by the same character
 * repeated at least as many times with nothing else on the line. Anything inside a fence,
 * including other fence markers, is content.
 * @param {string[]} lines
 * @returns {Fence[]}
 */
function scanFences(lines) {
  /** @type {Fence[]} */
  const fences = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^(\s*)(`{3,}|~{3,})(.*)$/.exec(lines[i]);
    if (!open) continue;
    const [, indent, marker, info] = open;
    if (marker[0] === '`' && info.includes('`')) continue; // inline code, not a fence
    const closeRe = new RegExp(`^\\s*${marker[0] === '`' ? '`' : '~'}{${marker.length},}\\s*$`);
    let end = i + 1;
    while (end < lines.length && !closeRe.test(lines[end])) end++;
    const body = lines.slice(i + 1, end).map((l) => stripIndent(l, indent.length));
    fences.push({
      start: i,
      end: Math.min(end, lines.length - 1),
      lang: (info.trim().split(/\s+/)[0] ?? '').toLowerCase(),
      content: body.join('\n'),
    });
    i = end;
  }
  return fences;
}

/**
 * @param {string} line
 * @param {number} n
 */
function stripIndent(line, n) {
  let k = 0;
  while (k < n && line[k] === ' ') k++;
  return line.slice(k);
}

/** @param {string} s */
function decodeEntities(s) {
  return s
    .replace(/&quot;|&#34;/g, '"')
    .replace(/&apos;|&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/**
 * Parse `<!-- check-readme … -->` directive text (without the comment markers).
 * @param {string} body
 * @returns {{ attrs: Record<string, string>, words: string[] }}
 */
function parseDirective(body) {
  /** @type {Record<string, string>} */
  const attrs = {};
  const rest = body.replace(/([A-Za-z][\w-]*)\s*=\s*(?:"([^"]*)"|'([^']*)')/g, (_m, k, dq, sq) => {
    attrs[k] = decodeEntities(dq ?? sq);
    return ' ';
  });
  const words = rest.split(/\s+/).filter(Boolean);
  return { attrs, words };
}

/**
 * Does this shell block run curl as a command (comment lines ignored)?
 * @param {string} text
 */
export function isCurlCall(text) {
  const code = text
    .split('\n')
    .filter((l) => !/^\s*#/.test(l))
    .join('\n');
  return CURL_COMMAND_RE.test(code);
}

/**
 * The curl invocations in a shell block that are silent without showing errors (`-s` or
 * `--silent` but no `-S` / `--show-error`): a reader who copies one sees nothing when the app is
 * not running. Each is returned as written, continuations joined.
 * @param {string} text
 * @returns {string[]}
 */
export function silentCurls(text) {
  const code = text
    .split('\n')
    .filter((l) => !/^\s*#/.test(l))
    .join('\n')
    .replace(/\\\n/g, ' ');
  /** @type {string[]} */
  const found = [];
  for (const line of code.split('\n')) {
    for (const segment of line.split(/\|\||&&|[|;&]|\$\(|`/)) {
      const words = segment.trim().split(/\s+/);
      const at = words.findIndex((w) => w === 'curl');
      if (at < 0 || words.slice(0, at).some((w) => !/^[A-Za-z_][A-Za-z0-9_]*=\S*$|^\$$/.test(w))) {
        continue;
      }
      const flags = words.slice(at + 1);
      const short = flags.filter((w) => /^-[A-Za-z]+$/.test(w)).join('');
      const silent = short.includes('s') || flags.includes('--silent');
      const shows = short.includes('S') || flags.includes('--show-error');
      if (silent && !shows) found.push(words.slice(at).join(' '));
    }
  }
  return found;
}

/**
 * Parse a README into its start command and documented curl calls.
 * Throws on malformed directives (unknown `check-readme` comment, two start comments).
 * @param {string} text
 * @returns {ParsedReadme}
 */
export function parseReadme(text) {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const fences = scanFences(lines);
  /** @type {Map<number, Fence>} */
  const fenceAt = new Map(fences.map((f) => [f.start, f]));

  // Directives: comment lines starting with `<!-- check-readme`, outside fences.
  /** @type {Set<number>} */
  const skipLines = new Set();
  /** @type {ParsedReadme} */
  const result = { start: null, ready: null, startLine: null, calls: [] };
  for (let i = 0; i < lines.length; i++) {
    const fence = fenceAt.get(i);
    if (fence) {
      i = fence.end;
      continue;
    }
    if (!/^\s*<!--\s*check-readme\b/.test(lines[i])) continue;
    let j = i;
    let raw = lines[i];
    while (!raw.includes('-->') && j + 1 < lines.length) raw += '\n' + lines[++j];
    const m = /<!--\s*check-readme\b([\s\S]*?)-->/.exec(raw);
    if (!m) throw new Error(`line ${i + 1}: unterminated check-readme comment`);
    const { attrs, words } = parseDirective(m[1]);
    if ('start' in attrs) {
      if (result.start !== null) {
        throw new Error(
          `line ${i + 1}: second check-readme start comment (first on line ${result.startLine})`,
        );
      }
      const unknown = [
        ...Object.keys(attrs).filter((k) => k !== 'start' && k !== 'ready'),
        ...words,
      ];
      if (unknown.length) {
        throw new Error(`line ${i + 1}: unknown check-readme attribute(s): ${unknown.join(', ')}`);
      }
      result.start = attrs.start;
      result.ready = attrs.ready ?? null;
      result.startLine = i + 1;
    } else if (words.length === 1 && words[0] === 'skip' && !Object.keys(attrs).length) {
      skipLines.add(j);
    } else {
      throw new Error(
        `line ${i + 1}: unknown check-readme comment (expected start="…" [ready="/path"] or skip)`,
      );
    }
    i = j;
  }

  /** Index of the next non-blank line at or after `i` (or lines.length). */
  const nextNonBlank = (/** @type {number} */ i) => {
    while (i < lines.length && lines[i].trim() === '') i++;
    return i;
  };
  /** Index of the previous non-blank line at or before `i` (or -1). */
  const prevNonBlank = (/** @type {number} */ i) => {
    while (i >= 0 && lines[i].trim() === '') i--;
    return i;
  };

  for (const fence of fences) {
    if (!CALL_LANGS.has(fence.lang) || !isCurlCall(fence.content)) continue;
    const line = fence.start + 1;
    const skip = skipLines.has(prevNonBlank(fence.start - 1));
    const next = fenceAt.get(nextNonBlank(fence.end + 1));
    const hasExpected = next !== undefined && EXPECTED_LANGS.has(next.lang);
    /** @type {Call} */
    const call = {
      line,
      endLine: fence.end + 1,
      command: stripPrompts(fence.content),
      expected: hasExpected ? next.content : null,
      kind: hasExpected ? /** @type {ExpectedKind} */ (next.lang) : null,
      skip,
    };
    if (!hasExpected && !skip) call.error = `line ${line}: curl block has no expected output block`;
    result.calls.push(call);
  }
  return result;
}

/**
 * Drop interactive `$ ` prompts at the start of lines, so `$ curl …` runs as `curl …`.
 * @param {string} command
 */
function stripPrompts(command) {
  return command.replace(/^(\s*)\$ /gm, '$1');
}

/**
 * Short label for a call: its text from the first `curl`, continuations joined, max 60 chars.
 * @param {string} command
 */
export function callLabel(command) {
  const flat = command
    .replace(/\\\n/g, ' ')
    .replace(/\s*\n\s*/g, '; ')
    .replace(/\s+/g, ' ')
    .trim();
  const at = flat.search(/(?:^|\s|[;&|(`])curl\s/);
  const from = at > 0 ? flat.slice(at).replace(/^[\s;&|(`]+/, '') : flat;
  return from.length > 60 ? `${from.slice(0, 60)}…` : from;
}

/**
 * Point every `localhost:<digits>` / `127.0.0.1:<digits>` at `127.0.0.1:<port>`.
 * @param {string} command
 * @param {number} port
 */
export function rewritePort(command, port) {
  return command.replace(/(?<![\w.-])(?:localhost|127\.0\.0\.1):\d+/g, `127.0.0.1:${port}`);
}

// ---------------------------------------------------------------------------------------------
// JSON comparison

/**
 * Parse one JSON value, or a sequence of JSON values (e.g. two `curl` calls in one block,
 * or NDJSON). Returns the single value, or an array tagged as a sequence.
 * @param {string} text
 * @returns {{ ok: true, docs: unknown[] } | { ok: false, error: string }}
 */
export function parseJsonDocs(text) {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: false, error: 'empty output' };
  try {
    return { ok: true, docs: [JSON.parse(trimmed)] };
  } catch (err) {
    const docs = [];
    for (const chunk of splitJsonValues(trimmed)) {
      try {
        docs.push(JSON.parse(chunk));
      } catch (_e) {
        return { ok: false, error: /** @type {Error} */ (err).message };
      }
    }
    if (docs.length < 2) return { ok: false, error: /** @type {Error} */ (err).message };
    return { ok: true, docs };
  }
}

/**
 * Split concatenated top-level JSON values ({…}{…}, […]\n[…]; scalars separated by whitespace).
 * @param {string} text
 * @returns {string[]}
 */
function splitJsonValues(text) {
  const out = [];
  let depth = 0;
  let inString = false;
  let begin = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
      if (!inString && depth === 0 && begin >= 0) {
        out.push(text.slice(begin, i + 1));
        begin = -1;
      }
      continue;
    }
    if (c === '"') {
      if (begin < 0) begin = i;
      inString = true;
    } else if (c === '{' || c === '[') {
      if (begin < 0) begin = i;
      depth++;
    } else if (c === '}' || c === ']') {
      depth--;
      if (depth === 0 && begin >= 0) {
        out.push(text.slice(begin, i + 1));
        begin = -1;
      }
    } else if (/\s/.test(c)) {
      if (depth === 0 && begin >= 0) {
        out.push(text.slice(begin, i));
        begin = -1;
      }
    } else if (begin < 0) {
      begin = i;
    }
  }
  if (begin >= 0) out.push(text.slice(begin));
  return out;
}

/** @param {unknown} v @returns {v is Record<string, unknown>} */
function isPlainObject(v) {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * Replace volatile values (see VOLATILE_KEYS) by "<masked>" on both sides, recursively, where
 * the key is present on both sides. A key present on one side only is left alone (so the diff
 * reports it). Returns masked copies.
 * @param {unknown} expected
 * @param {unknown} actual
 * @returns {[unknown, unknown]}
 */
export function maskVolatile(expected, actual) {
  if (Array.isArray(expected) && Array.isArray(actual)) {
    const e = expected.map((v, i) => (i < actual.length ? maskVolatile(v, actual[i])[0] : v));
    const a = actual.map((v, i) => (i < expected.length ? maskVolatile(expected[i], v)[1] : v));
    return [e, a];
  }
  if (isPlainObject(expected) && isPlainObject(actual)) {
    /** @type {Record<string, unknown>} */
    const e = {};
    /** @type {Record<string, unknown>} */
    const a = {};
    for (const [k, v] of Object.entries(expected)) {
      if (!Object.hasOwn(actual, k)) e[k] = v;
      else if (VOLATILE_KEYS.has(k)) e[k] = MASK;
      else e[k] = maskVolatile(v, actual[k])[0];
    }
    for (const [k, v] of Object.entries(actual)) {
      if (!Object.hasOwn(expected, k)) a[k] = v;
      else if (VOLATILE_KEYS.has(k)) a[k] = MASK;
      else a[k] = maskVolatile(expected[k], v)[1];
    }
    return [e, a];
  }
  return [expected, actual];
}

/** @param {string} path @param {string | number} key */
function childPath(path, key) {
  if (typeof key === 'number') return `${path}[${key}]`;
  return /^[A-Za-z_$][\w$]*$/.test(key) ? `${path}.${key}` : `${path}[${JSON.stringify(key)}]`;
}

/** @param {unknown} v */
function show(v) {
  const s = JSON.stringify(v);
  return s.length > 200 ? `${s.slice(0, 200)}…` : s;
}

/** @param {unknown} v */
function typeName(v) {
  return v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v;
}

/**
 * Collect differences between two (already masked) JSON values.
 * @param {unknown} e
 * @param {unknown} a
 * @param {string} path
 * @param {string[]} out
 */
function diffJson(e, a, path, out) {
  if (Array.isArray(e) && Array.isArray(a)) {
    const n = Math.min(e.length, a.length);
    for (let i = 0; i < n; i++) diffJson(e[i], a[i], childPath(path, i), out);
    if (e.length !== a.length) {
      out.push(`${path}: expected ${e.length} items, actual ${a.length}`);
      for (let i = n; i < e.length; i++) out.push(`  ${childPath(path, i)}: missing ${show(e[i])}`);
      for (let i = n; i < a.length; i++) out.push(`  ${childPath(path, i)}: extra ${show(a[i])}`);
    }
    return;
  }
  if (isPlainObject(e) && isPlainObject(a)) {
    for (const [k, v] of Object.entries(e)) {
      if (!Object.hasOwn(a, k))
        out.push(`${childPath(path, k)}: missing in actual (expected ${show(v)})`);
      else diffJson(v, a[k], childPath(path, k), out);
    }
    for (const [k, v] of Object.entries(a)) {
      if (!Object.hasOwn(e, k))
        out.push(`${childPath(path, k)}: unexpected in actual (${show(v)})`);
    }
    return;
  }
  if (typeName(e) !== typeName(a)) {
    out.push(`${path}: expected ${typeName(e)} ${show(e)}, actual ${typeName(a)} ${show(a)}`);
  } else if (e !== a) {
    out.push(`${path}: expected ${show(e)}, actual ${show(a)}`);
  }
}

const MAX_DIFF_LINES = 30;

/**
 * Compare actual output with a documented `json` block: both parsed, volatile keys masked,
 * then deep-equal (key order ignored). The message lists differing JSON paths.
 * @param {string} expectedText
 * @param {string} actualText
 * @returns {CompareResult}
 */
export function compareJson(expectedText, actualText) {
  const exp = parseJsonDocs(expectedText);
  if (!exp.ok) return { ok: false, message: `expected block is not valid JSON: ${exp.error}` };
  const act = parseJsonDocs(actualText);
  if (!act.ok) {
    return {
      ok: false,
      message: `actual output is not JSON (${act.error}):\n${indent(truncate(actualText))}`,
    };
  }
  if (exp.docs.length !== act.docs.length) {
    return {
      ok: false,
      message:
        `expected ${exp.docs.length} JSON document(s), actual ${act.docs.length}:\n` +
        indent(truncate(actualText)),
    };
  }
  /** @type {string[]} */
  const out = [];
  exp.docs.forEach((e, i) => {
    const [me, ma] = maskVolatile(e, act.docs[i]);
    diffJson(me, ma, exp.docs.length > 1 ? `$<doc ${i + 1}>` : '$', out);
  });
  if (!out.length) return { ok: true, message: '' };
  const shown = out.slice(0, MAX_DIFF_LINES);
  if (out.length > shown.length) shown.push(`… and ${out.length - shown.length} more differences`);
  return { ok: false, message: shown.join('\n') };
}

// ---------------------------------------------------------------------------------------------
// Text comparison

/**
 * CRLF→LF, trailing whitespace trimmed per line, leading/trailing blank lines dropped.
 * @param {string} text
 */
export function normalizeText(text) {
  const lines = text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((l) => l.replace(/\s+$/, ''));
  while (lines.length && lines[0] === '') lines.shift();
  while (lines.length && lines[lines.length - 1] === '') lines.pop();
  return lines.join('\n');
}

/** @type {Array<[RegExp, string]>} */
const TEXT_MASKS = [
  [/"(id|created|created_at|at|timestamp|durationMs)":\s*("[^"]*"|\d+(\.\d+)?)/g, `"$1":"${MASK}"`],
  [/chatcmpl-[A-Za-z0-9_-]+/g, 'chatcmpl-<id>'],
  [/call_[A-Za-z0-9_-]+/g, 'call_<id>'],
  [/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?/g, '<time>'],
  [/\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi, '<uuid>'],
];

/**
 * Mask volatile fragments of plain-text output (ids, timestamps, UUIDs).
 * @param {string} text
 */
export function maskText(text) {
  return TEXT_MASKS.reduce((s, [re, to]) => s.replace(re, to), text);
}

/**
 * Line diff (LCS) of two line arrays.
 * @param {string[]} a
 * @param {string[]} b
 * @returns {Array<{ op: ' ' | '-' | '+', text: string, ai: number, bi: number }>}
 */
function diffLines(a, b) {
  const n = a.length;
  const m = b.length;
  /** @type {Array<{ op: ' ' | '-' | '+', text: string, ai: number, bi: number }>} */
  const ops = [];
  if (n * m > 4_000_000) {
    // Too big for the table: plain positional diff.
    for (let i = 0; i < Math.max(n, m); i++) {
      if (i < n && i < m && a[i] === b[i]) ops.push({ op: ' ', text: a[i], ai: i, bi: i });
      else {
        if (i < n) ops.push({ op: '-', text: a[i], ai: i, bi: Math.min(i, m) });
        if (i < m) ops.push({ op: '+', text: b[i], ai: Math.min(i, n), bi: i });
      }
    }
    return ops;
  }
  const lcs = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i][j] = a[i] === b[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
    }
  }
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[i] === b[j]) ops.push({ op: ' ', text: a[i++], ai: i - 1, bi: j++ });
    else if (i < n && (j >= m || lcs[i + 1][j] >= lcs[i][j + 1]))
      ops.push({ op: '-', text: a[i++], ai: i - 1, bi: j });
    else ops.push({ op: '+', text: b[j++], ai: i, bi: j - 1 });
  }
  return ops;
}

/**
 * Unified-style diff (expected = `-`, actual = `+`) with 2 lines of context, capped in length.
 * @param {string[]} a expected lines
 * @param {string[]} b actual lines
 */
export function unifiedDiff(a, b) {
  const ops = diffLines(a, b);
  const CONTEXT = 2;
  const MAX = 40;
  // Hunks: ranges of ops around each change, merged when their context overlaps.
  /** @type {Array<[number, number]>} */
  const hunks = [];
  ops.forEach((o, i) => {
    if (o.op === ' ') return;
    const from = Math.max(0, i - CONTEXT);
    const to = Math.min(ops.length, i + CONTEXT + 1);
    const last = hunks[hunks.length - 1];
    if (last && from <= last[1]) last[1] = to;
    else hunks.push([from, to]);
  });
  /** @type {string[]} */
  const out = ['--- expected', '+++ actual'];
  let printed = 0;
  for (const [from, to] of hunks) {
    const hunk = ops.slice(from, to);
    const aLen = hunk.filter((o) => o.op !== '+').length;
    const bLen = hunk.filter((o) => o.op !== '-').length;
    out.push(`@@ -${hunk[0].ai + 1},${aLen} +${hunk[0].bi + 1},${bLen} @@`);
    for (const o of hunk) {
      if (printed++ >= MAX) {
        out.push('… (diff truncated)');
        return out.join('\n');
      }
      out.push(`${o.op}${o.text}`);
    }
  }
  return out.join('\n');
}

/**
 * Compare actual output with a documented `text` block (normalised and masked).
 * @param {string} expectedText
 * @param {string} actualText
 * @returns {CompareResult}
 */
export function compareText(expectedText, actualText) {
  const e = maskText(normalizeText(expectedText));
  const a = maskText(normalizeText(actualText));
  if (e === a) return { ok: true, message: '' };
  return {
    ok: false,
    message: unifiedDiff(e === '' ? [] : e.split('\n'), a === '' ? [] : a.split('\n')),
  };
}

/** @param {string} s */
function truncate(s, max = 2000) {
  return s.length > max ? `${s.slice(0, max)}… (${s.length - max} more chars)` : s;
}

/** @param {string} s */
function indent(s) {
  return s
    .split('\n')
    .map((l) => `  ${l}`)
    .join('\n');
}
