// Which retrieval features the built @repo/rag has (packages/rag/dist), so the rag-retrieval bench
// measures what has landed and prints "not available" for the rest: search modes and weights on
// SearchRequest, a relevance cut-off option, and chunks carrying `context` from the splitter.
// Read from the emitted .d.ts files: a store silently ignores a request field it does not know,
// so trying a search could not tell a missing feature from one that changes nothing.
import { existsSync, readFileSync } from 'node:fs';

const dist = new URL('../packages/rag/dist/', import.meta.url);
const KNOWN_SEARCH_FIELDS = new Set(['query', 'topK', 'threshold', 'filter', 'signal']);
const SEARCH_FIELDS_OF_THIS_BENCH = new Set(['mode', 'weights']);

function declarations(file) {
  const url = new URL(file, dist);
  return existsSync(url) ? readFileSync(url, 'utf8') : '';
}

/** The field names of `interface <name> { … }` in a .d.ts text (top-level members only). */
function fieldsOf(text, name) {
  const start = text.indexOf(`interface ${name}`);
  if (start === -1) return [];
  const open = text.indexOf('{', start);
  let depth = 0;
  let end = open;
  for (; end < text.length; end++) {
    if (text[end] === '{') depth++;
    if (text[end] === '}' && --depth === 0) break;
  }
  const body = text.slice(open + 1, end);
  const fields = [];
  depth = 0;
  for (const line of body.split('\n')) {
    const match = depth === 0 ? /^\s*(?:readonly\s+)?(\w+)\??:/.exec(line) : null;
    if (match) fields.push(match[1]);
    depth += (line.match(/[{(]/g) ?? []).length - (line.match(/[})]/g) ?? []).length;
  }
  return fields;
}

export async function detectFeatures(rag) {
  if (!existsSync(new URL('index.js', dist)))
    throw new Error(
      'rag-retrieval bench: build @repo/rag first (npx tsc -p tsconfig.build.json in packages/rag)',
    );
  const types = declarations('rag-types.d.ts');
  const search = fieldsOf(types, 'SearchRequest');
  const modes = search.includes('mode') && /'hybrid'/.test(types) && /'lexical'/.test(types);
  const extra = search.filter(
    (f) => !KNOWN_SEARCH_FIELDS.has(f) && !SEARCH_FIELDS_OF_THIS_BENCH.has(f),
  );
  const cutOff = extra.find((f) => /cut|min|relev|score/i.test(f));
  const splitFields = fieldsOf(declarations('split-documents.d.ts'), 'SplitOptions');
  const contextOption = splitFields.find((f) => /context/i.test(f));
  return {
    modes,
    weights: search.includes('weights'),
    /** The request field the cut-off grid sets: the new option if one landed, else `threshold`. */
    cutOffField: cutOff ?? 'threshold',
    cutOffLanded: cutOff !== undefined,
    contextOption,
    context: await splitterAddsContext(rag, contextOption),
  };
}

/** Whether splitting a Markdown section yields chunks with `context` (with the option, if any). */
async function splitterAddsContext(rag, option) {
  const section = {
    text: '## Install\n\nRun the installer, then restart the service. 安装后重启服务。',
    metadata: { source: 'guide.md', headingPath: ['Guide', 'Install'] },
  };
  const split = (options) => rag.splitDocuments([section], options).catch(() => []);
  const chunks = [...(await split({})), ...(option ? await split({ [option]: true }) : [])];
  return chunks.some((chunk) => typeof chunk.context === 'string' && chunk.context.trim() !== '');
}

/** The split options that make contextual chunks (empty when the splitter adds context by default). */
export function contextualSplit(features) {
  return features.contextOption ? { [features.contextOption]: true } : {};
}
