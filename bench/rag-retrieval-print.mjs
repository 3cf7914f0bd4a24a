// Tables of the rag-retrieval bench: the four metrics per store and row, then the cut-off grids.
const fixed = (value) => (value === null || value === undefined ? '–' : value.toFixed(3));

export function printTables(result) {
  const { corpus, questions, features } = result;
  console.log(
    `corpus: ${corpus.files} files, ${(corpus.bytes / 1024).toFixed(0)} KiB; ${questions.labelled} labelled ` +
      `questions (${questions.chinese} Chinese), ${questions.unrelated} unrelated; embedder ${result.embeddingModel}; ` +
      `chunks: ${Object.entries(result.chunks)
        .map(([store, count]) => `${store} ${count}`)
        .join(', ')}`,
  );
  console.log(
    `features: modes ${features.modes ? 'yes' : 'no'}, weights ${features.weights ? 'yes' : 'no'}, ` +
      `cut-off ${features.cutOffField}${features.cutOffLanded ? '' : ' (no cut-off option landed: threshold)'}, ` +
      `contextual chunks ${features.context ? `yes${features.contextOption ? ` (split.${features.contextOption})` : ''}` : 'no'}`,
  );
  for (const [variant, ids] of Object.entries(result.unreachable ?? {}))
    console.log(
      `questions whose quote no ${variant} chunk holds in full (missed by every row): ` +
        (ids.length ? ids.join(', ') : 'none'),
    );
  console.table(
    result.rows.map((row) =>
      row.available
        ? {
            store: row.store,
            retrieval: row.row,
            'recall@1': fixed(row.all.recallAt1),
            'recall@5': fixed(row.all.recallAt5),
            MRR: fixed(row.all.reciprocalRank),
            'nDCG@10': fixed(row.all.ndcgAt10),
            'en recall@5': fixed(row.en.recallAt5),
            'zh recall@5': fixed(row.zh.recallAt5),
            'zh MRR': fixed(row.zh.reciprocalRank),
          }
        : {
            store: row.store,
            retrieval: row.row,
            'recall@1': `not available (${row.missing.join(', ')})`,
          },
    ),
  );
  for (const grid of result.cutOff) printGrid(grid, result.defaultCutOff);
}

const floorsText = (floors) =>
  floors === null
    ? 'no cut-off'
    : Object.entries(floors)
        .map(([branch, value]) => `${branch} ≥ ${value}`)
        .join(' or ') || 'no cut-off';
const pair = (row) => `${fixed(row.recallAt5)} / ${fixed(row.unrelatedRejected)}`;

function printGrid(grid, defaultFloors) {
  console.log(
    `\ncut-off grid, mode ${grid.mode}, memory store, ${grid.chunks} chunks — cells: recall@5 / ` +
      `share of unrelated questions with no hit; no cut-off: ${pair(grid.none)}`,
  );
  const single = grid.grid.filter((row) => Object.keys(row.floors).length === 1);
  console.table(
    single.map((row) => ({
      floor: floorsText(row.floors),
      'recall@5': fixed(row.recallAt5),
      'Δ recall@5': fixed(row.recallAt5 - grid.none.recallAt5),
      'unrelated with no hits': fixed(row.unrelatedRejected),
    })),
  );
  const pairs = grid.grid.filter((row) => Object.keys(row.floors).length === 2);
  if (pairs.length > 0) {
    const table = {};
    for (const row of pairs) {
      const key = `vector ≥ ${row.floors.vector}`;
      table[key] ??= {};
      table[key][`lexical ≥ ${row.floors.lexical}`] = pair(row);
    }
    console.log('either floor met (vector cosine rows × lexical coverage columns):');
    console.table(table);
  }
  const s = grid.suggested;
  console.log(
    `  suggested (most unrelated rejected, recall@5 within 2 points): ${floorsText(s.floors)} → ${pair(s)}`,
  );
  for (const [store, checked] of Object.entries(grid.checked)) {
    console.log(
      `  by the request option, ${store} store: no cut-off ${pair(checked.none)}` +
        (checked.suggested ? `, suggested ${pair(checked.suggested)}` : '') +
        (checked.default
          ? `, ${grid.mode === 'vector' ? 'the lexical/hybrid default floors, not applied in vector mode unless asked' : 'the default'} (${floorsText(defaultFloors)}) ${pair(checked.default)}`
          : ''),
    );
  }
}
