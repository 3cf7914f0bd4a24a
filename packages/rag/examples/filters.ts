// The portable filter language (Spring AI's `FilterExpressionTextParser` and `Filter.Expression`):
// parse a filter, search the memory store with it, see the parameterised SQL the pgvector store
// runs for it, and a mistake reported with its position.
import { createProvider } from '@repo/providers';
import {
  createMemoryVectorStore,
  FilterSyntaxError,
  parseFilter,
  toFilterSql,
} from '../src/index.js';

const documents = [
  {
    text: 'vLLM raises throughput with paged attention.',
    metadata: { source: 'serving.md', lang: 'en', year: 2024 },
  },
  {
    text: 'Continuous batching raises throughput.',
    metadata: { source: 'batching.md', lang: 'en', year: 2025, draft: true },
  },
  {
    text: '连续批处理可以显著提高吞吐量。',
    metadata: { source: 'batching-zh.md', lang: 'zh', year: 2025, 作者: '张三' },
  },
  {
    text: '量化可以减少显存占用。',
    metadata: { source: 'quant-zh.md', lang: 'zh', year: 2023, 作者: '李四' },
  },
];

export async function main() {
  const store = createMemoryVectorStore({ embeddingModel: createProvider('local').embedding() });
  await store.add(documents);
  const search = async (filter: string) =>
    (await store.similaritySearch({ query: 'throughput', topK: 4, filter })).map(
      (hit) => hit.metadata.source,
    );

  // Keys and values in any script; `in` takes a list.
  const ast = parseFilter("作者 in ['张三', '王五'] && year >= 2025");

  // `&&` binds tighter than `||`; a missing key reads as null, so `draft != true` keeps it.
  const withoutParentheses = await search("lang == 'en' || year >= 2025 && draft != true");
  const withParentheses = await search("(lang == 'en' || year >= 2025) && draft != true");
  const chinese = await search("作者 == '李四' OR lang == 'zh' AND NOT year < 2025");

  // What the pgvector store adds to its WHERE clause: every key and value is a parameter.
  const sql = toFilterSql(parseFilter("lang == 'zh' && year >= 2025"));

  let error: { message: string; position: number } | undefined;
  try {
    parseFilter("lang = 'zh'");
  } catch (caught) {
    if (caught instanceof FilterSyntaxError)
      error = { message: caught.message, position: caught.position };
  }
  return { ast, withoutParentheses, withParentheses, chinese, sql, error };
}

if (import.meta.url === `file://${process.argv[1]}`) console.dir(await main(), { depth: null });
