// A Markdown front-matter block (`---` … `---` at the top) read into metadata. Only the YAML that
// front matter uses in practice is understood: `key: scalar`, inline lists `[a, b]` and block lists
// (`- a`); anything else (nested maps, multi-line strings) is kept as its raw text. A full YAML
// parser would be one more dependency for a corner that metadata filters cannot query anyway.

export interface FrontMatter {
  data: Record<string, unknown>;
  /** The document without its front matter. */
  body: string;
}

const BLOCK = /^---[ \t]*\n([\s\S]*?)\n(?:---|\.\.\.)[ \t]*(?:\n|$)/;

export function parseFrontMatter(text: string): FrontMatter {
  const match = BLOCK.exec(text);
  if (!match) return { data: {}, body: text };
  const data: Record<string, unknown> = {};
  let listKey: string | undefined;
  for (const line of (match[1] ?? '').split('\n')) {
    const item = /^\s+-\s+(.*)$/.exec(line) ?? (listKey ? /^-\s+(.*)$/.exec(line) : null);
    if (item && listKey) {
      (data[listKey] as unknown[]).push(scalar(item[1] ?? ''));
      continue;
    }
    const pair = /^([A-Za-z_][\w-]*)\s*:\s*(.*)$/.exec(line);
    if (!pair) continue;
    const [, key = '', value = ''] = pair;
    listKey = value.trim() === '' ? key : undefined;
    data[key] = listKey ? [] : value.trim().startsWith('[') ? inlineList(value) : scalar(value);
  }
  return { data, body: text.slice(match[0].length) };
}

function inlineList(value: string): unknown[] {
  const inner = value.trim().replace(/^\[|\]$/g, '');
  return inner.trim() === '' ? [] : inner.split(',').map((v) => scalar(v));
}

function scalar(raw: string): unknown {
  const value = raw.trim().replace(/\s+#.*$/, '');
  if (/^(['"]).*\1$/.test(value)) return value.slice(1, -1);
  if (value === 'true' || value === 'false') return value === 'true';
  if (value === 'null' || value === '~') return null;
  if (/^-?\d+(\.\d+)?$/.test(value)) return Number(value);
  return value;
}
