// POST /v1/embeddings: a feature-hashing embedder. Word unigrams, character 3-grams of Latin
// words and CJK character unigrams + bigrams are hashed (FNV-1a 32, with a sign bit) into a vector
// that is L2-normalised, so texts that share words have a higher cosine similarity.
import { isRecord } from './chat-request.js';
import type { ControlState } from './control.js';
import type { Exchange } from './exchange.js';
import { preResponseFault } from './fault-injection.js';
import { failInvalid as fail, jsonResponse } from './openai-errors.js';
import { cjkBigrams, cjkRuns, latinWords } from './text-utils.js';
import { countTokens } from './tokens.js';

const MAX_DIMENSIONS = 8192;

function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** Weighted features: whole words count most, sub-word grams make near-spellings meet. */
function features(text: string): [string, number][] {
  const result: [string, number][] = [];
  for (const word of latinWords(text)) {
    result.push([`w:${word}`, 1]);
    const padded = `<${word}>`;
    for (let i = 0; i + 3 <= padded.length; i++) result.push([`g:${padded.slice(i, i + 3)}`, 0.5]);
  }
  for (const run of cjkRuns(text)) {
    for (const char of run) result.push([`c:${char}`, 0.5]);
    if ([...run].length > 1) for (const gram of cjkBigrams(run)) result.push([`b:${gram}`, 1]);
  }
  return result;
}

export function embedText(text: string, dimensions: number): Float32Array {
  const vector = new Float64Array(dimensions);
  for (const [feature, weight] of features(text)) {
    const hash = fnv1a(feature);
    // The top bit picks the sign so unrelated features cancel out instead of piling up.
    vector[hash % dimensions]! += hash & 0x80000000 ? -weight : weight;
  }
  const norm = Math.hypot(...vector);
  return Float32Array.from(vector, (v) => (norm === 0 ? 0 : v / norm));
}

function toBase64(vector: Float32Array): string {
  const view = new DataView(new ArrayBuffer(vector.length * 4));
  vector.forEach((v, i) => view.setFloat32(i * 4, v, true));
  return Buffer.from(view.buffer).toString('base64');
}

function parseInput(input: unknown): string[] {
  const texts = typeof input === 'string' ? [input] : input;
  if (!Array.isArray(texts) || texts.length === 0)
    fail(
      "'input' must be a non-empty string or a non-empty array of strings (token arrays are not supported).",
      'input',
    );
  return texts.map((text, i) => {
    if (typeof text !== 'string')
      fail(`input[${i}] must be a string (token arrays are not supported).`, `input[${i}]`);
    if (text.trim() === '') fail(`input[${i}] is empty: embeddings need some text.`, `input[${i}]`);
    return text;
  });
}

export async function handleEmbeddings(
  body: unknown,
  state: ControlState,
  exchange: Exchange,
  defaultDimensions: number,
): Promise<Response> {
  if (!isRecord(body)) fail('The request body must be a JSON object.', 'body');
  if (typeof body.model !== 'string') fail("'model' is required and must be a string.", 'model');
  const texts = parseInput(body.input);
  const dimensions = body.dimensions ?? defaultDimensions;
  if (
    typeof dimensions !== 'number' ||
    !Number.isInteger(dimensions) ||
    dimensions < 1 ||
    dimensions > MAX_DIMENSIONS
  )
    fail(`'dimensions' must be an integer from 1 to ${MAX_DIMENSIONS}.`, 'dimensions');
  const format = body.encoding_format ?? 'float';
  if (format !== 'float' && format !== 'base64')
    fail("'encoding_format' must be 'float' or 'base64'.", 'encoding_format');

  const faulted = await preResponseFault(state.takeFaults(), exchange);
  if (faulted) return faulted;
  const tokens = texts.reduce((n, text) => n + countTokens(text), 0);
  return jsonResponse({
    object: 'list',
    data: texts.map((text, index) => {
      const vector = embedText(text, dimensions);
      return {
        object: 'embedding',
        index,
        embedding: format === 'base64' ? toBase64(vector) : Array.from(vector),
      };
    }),
    model: body.model,
    usage: { prompt_tokens: tokens, total_tokens: tokens },
  });
}
