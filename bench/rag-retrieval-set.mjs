// The labelled set of the rag-retrieval bench (fixtures/retrieval-set.json): loads it, checks that
// every corpus file is installed at the version recorded with it (the corpus is read from
// node_modules, never copied), and judges hits: relevant = from the labelled file and containing
// the labelled quote, whitespace collapsed, so the labels do not depend on how text is chunked.
import { existsSync, readFileSync } from 'node:fs';

const root = new URL('../', import.meta.url);

export const normalise = (text) => text.replace(/\s+/g, ' ');

export function loadRetrievalSet() {
  const set = JSON.parse(
    readFileSync(new URL('./fixtures/retrieval-set.json', import.meta.url), 'utf8'),
  );
  const problems = [];
  const texts = new Map();
  for (const entry of set.corpus) {
    const path = new URL(entry.file, root).pathname;
    if (!existsSync(path)) {
      problems.push(`${entry.file} is missing`);
      continue;
    }
    texts.set(entry.file, normalise(readFileSync(path, 'utf8')));
    const installed = installedVersion(entry.package);
    if (installed !== entry.version)
      problems.push(
        `${entry.package} ${installed ?? 'absent'} is installed, ${entry.version} recorded`,
      );
  }
  for (const question of set.questions) {
    const text = texts.get(question.file);
    if (text !== undefined && !text.includes(normalise(question.quote)))
      problems.push(`${question.id}: its quote is not in ${question.file}`);
  }
  if (problems.length > 0)
    throw new Error(
      `rag-retrieval bench: the corpus differs from the recorded one:\n  ${problems.join('\n  ')}`,
    );
  return {
    ...set,
    sources: set.corpus.map((entry) => ({
      path: new URL(entry.file, root).pathname,
      source: entry.file,
    })),
    bytes: [...texts.values()].reduce((sum, text) => sum + Buffer.byteLength(text), 0),
  };
}

function installedVersion(name) {
  const file = new URL(`node_modules/${name}/package.json`, root);
  return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')).version : undefined;
}

/**
 * Ranked relevance of one question's hits. Only the first hit holding the passage counts: the
 * splitter's overlap can repeat a passage in two neighbouring chunks, and a question has one answer.
 */
export function judge(hits, question) {
  const quote = normalise(question.quote);
  let found = false;
  return hits.map((hit) => {
    const relevant =
      !found && hit.metadata.source === question.file && normalise(hit.text).includes(quote);
    if (relevant) found = true;
    return relevant;
  });
}

/** Questions whose quote no stored chunk holds in full (cut by the splitter): misses whatever the retriever does. */
export function unreachable(questions, chunks) {
  return questions
    .filter(
      (question) =>
        !chunks.some(
          (chunk) =>
            chunk.metadata.source === question.file &&
            normalise(chunk.text).includes(normalise(question.quote)),
        ),
    )
    .map((question) => question.id);
}
