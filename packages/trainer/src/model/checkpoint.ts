// A checkpoint on disk: `model.json` (format, shape, tokenizer, the weights' layout, what trained
// it) and `weights.bin` (every weight as little-endian float32, in weightShapes order). Loading
// checks every field and names the one that is wrong.
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { InvalidInputError } from '@repo/core';
import { loadCharTokenizer } from '../tokenizer/build-tokenizer.js';
import type { CharTokenizer, TokenizerJson } from '../tokenizer/char-tokenizer.js';
import { checkConfig, weightShapes, type GptConfig, type Weights } from './config.js';

export const CHECKPOINT_FORMAT = 'nest-ai-summary/tiny-gpt';

export interface CheckpointMeta {
  /** What produced it: 'init', 'pretrain', 'sft', 'reward' or 'dpo'. */
  stage: string;
  step: number;
  /** The checkpoint it started from, if any. */
  base?: string;
  /** Final figures worth showing (loss, validation loss, reward accuracy…). */
  metrics?: Record<string, number>;
  createdAt?: string;
}

export interface ModelJson extends CheckpointMeta {
  format: typeof CHECKPOINT_FORMAT;
  version: 1;
  config: GptConfig;
  tokenizer: TokenizerJson;
  weights: { name: string; shape: number[]; offset: number }[];
  /** A reward model's scalar head, stored after the GPT's weights. */
  rewardHead?: { offset: number; size: number };
}

export interface Checkpoint {
  config: GptConfig;
  tokenizer: CharTokenizer;
  weights: Weights;
  meta: CheckpointMeta;
  /** A reward model's head: dModel weights then one bias. */
  rewardHead?: Float32Array;
}

export async function saveCheckpoint(dir: string, checkpoint: Checkpoint): Promise<void> {
  const config = checkConfig(checkpoint.config);
  const layout: ModelJson['weights'] = [];
  const parts: Float32Array[] = [];
  let offset = 0;
  for (const [name, shape] of weightShapes(config)) {
    const values = checkpoint.weights.get(name);
    const size = shape.reduce((a, b) => a * b, 1);
    if (!values || values.length !== size)
      throw new Error(`weights["${name}"] is missing or the wrong size`);
    layout.push({ name, shape, offset });
    parts.push(values);
    offset += size;
  }
  let rewardHead: ModelJson['rewardHead'];
  if (checkpoint.rewardHead) {
    rewardHead = { offset, size: checkpoint.rewardHead.length };
    parts.push(checkpoint.rewardHead);
    offset += checkpoint.rewardHead.length;
  }
  const all = new Float32Array(offset);
  let at = 0;
  for (const part of parts) {
    all.set(part, at);
    at += part.length;
  }
  const json: ModelJson = {
    format: CHECKPOINT_FORMAT,
    version: 1,
    ...checkpoint.meta,
    createdAt: checkpoint.meta.createdAt ?? new Date().toISOString(),
    config,
    tokenizer: checkpoint.tokenizer.toJSON(),
    weights: layout,
    ...(rewardHead ? { rewardHead } : {}),
  };
  await mkdir(dir, { recursive: true });
  // Write beside and rename, so a kill mid-save never leaves a half-written checkpoint.
  await writeFile(path.join(dir, 'weights.bin.tmp'), littleEndianBytes(all));
  await writeFile(path.join(dir, 'model.json.tmp'), JSON.stringify(json, null, 1) + '\n');
  await rename(path.join(dir, 'weights.bin.tmp'), path.join(dir, 'weights.bin'));
  await rename(path.join(dir, 'model.json.tmp'), path.join(dir, 'model.json'));
}

export async function loadCheckpoint(dir: string): Promise<Checkpoint> {
  const bad = (field: string, reason: string) =>
    new InvalidInputError(`Not a usable checkpoint at ${dir}: ${field} ${reason}`, [
      { field, reason },
    ]);
  let json: ModelJson;
  try {
    json = JSON.parse(await readFile(path.join(dir, 'model.json'), 'utf8')) as ModelJson;
  } catch (error) {
    throw bad('model.json', `cannot be read (${(error as Error).message})`);
  }
  if (json?.format !== CHECKPOINT_FORMAT) throw bad('format', `must be "${CHECKPOINT_FORMAT}"`);
  if (json.version !== 1) throw bad('version', 'must be 1');
  let config: GptConfig;
  try {
    config = checkConfig(json.config);
  } catch (error) {
    throw bad('config', (error as Error).message);
  }
  const tokenizer = loadCharTokenizer(json.tokenizer);
  if (tokenizer.size !== config.vocabSize)
    throw bad(
      'tokenizer',
      `has ${tokenizer.size} tokens but config.vocabSize is ${config.vocabSize}`,
    );
  const bytes = await readFile(path.join(dir, 'weights.bin')).catch((error: Error) => {
    throw bad('weights.bin', `cannot be read (${error.message})`);
  });
  const all = fromLittleEndian(bytes);
  const weights: Weights = new Map();
  const layout = new Map((json.weights ?? []).map((w) => [w.name, w]));
  for (const [name, shape] of weightShapes(config)) {
    const entry = layout.get(name);
    const size = shape.reduce((a, b) => a * b, 1);
    if (!entry || entry.shape.join() !== shape.join())
      throw bad(`weights.${name}`, `must have shape [${shape.join(', ')}]`);
    if (!(entry.offset >= 0 && entry.offset + size <= all.length))
      throw bad('weights.bin', `is too short for ${name}`);
    weights.set(name, all.slice(entry.offset, entry.offset + size));
  }
  const head = json.rewardHead;
  let rewardHead: Float32Array | undefined;
  if (head) {
    if (head.size !== config.dModel + 1 || head.offset + head.size > all.length)
      throw bad(
        'rewardHead',
        `must hold dModel + 1 = ${config.dModel + 1} values inside weights.bin`,
      );
    rewardHead = all.slice(head.offset, head.offset + head.size);
  }
  const { stage, step, base, metrics, createdAt } = json;
  return {
    config,
    tokenizer,
    weights,
    meta: {
      stage,
      step,
      ...(base ? { base } : {}),
      ...(metrics ? { metrics } : {}),
      ...(createdAt ? { createdAt } : {}),
    },
    ...(rewardHead ? { rewardHead } : {}),
  };
}

function littleEndianBytes(values: Float32Array): Uint8Array {
  const view = new DataView(new ArrayBuffer(values.length * 4));
  for (let i = 0; i < values.length; i++) view.setFloat32(i * 4, values[i] as number, true);
  return new Uint8Array(view.buffer);
}

function fromLittleEndian(bytes: Uint8Array): Float32Array {
  if (bytes.length % 4 !== 0)
    throw new InvalidInputError('weights.bin is not a whole number of float32 values', [
      { field: 'weights.bin', reason: 'length is not a multiple of 4' },
    ]);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const out = new Float32Array(bytes.length / 4);
  for (let i = 0; i < out.length; i++) out[i] = view.getFloat32(i * 4, true);
  return out;
}
