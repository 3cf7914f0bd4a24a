// How many parameters a decoder-only transformer has. The seed article's 12·L·d² (Kaplan et al.
// 2020, arXiv:2001.08361: attention 4d² + a 4d-wide MLP 8d² per layer) ignores embeddings, biases,
// norms and wider MLPs, so next to it stand two exact counts: a Llama-style decoder (SwiGLU, GQA,
// RMSNorm) and a GPT-2-style one (GELU MLP, LayerNorm, learned positions, the trainer's shape).
import { wholePositive } from './check-numbers.js';

/** Kaplan's non-embedding approximation, `12·L·d²`. */
export function approxParameters(shape: { layers: number; dModel: number }): number {
  const layers = wholePositive(shape.layers, 'layers');
  const d = wholePositive(shape.dModel, 'dModel');
  return 12 * layers * d * d;
}

export interface LlamaShape {
  layers: number;
  dModel: number;
  /** SwiGLU width (three matrices of d × dFf). */
  dFf: number;
  heads: number;
  /** Key/value heads under grouped-query attention; default `heads` (plain multi-head). */
  kvHeads?: number;
  vocab: number;
  /** Input and output embeddings shared; default false (Llama's are untied). */
  tiedEmbeddings?: boolean;
}

/**
 * `L·(d·h·d_head + 2·d·n_kv·d_head + h·d_head·d + 3·d·d_ff + 2d) + 2·V·d + d` (one `V·d` less
 * when tied): Q, K, V, O, the SwiGLU's three matrices and two RMSNorm gains per layer, the
 * embeddings and the final norm. Llama-2-7B gives 6,738,415,616.
 */
export function llamaParameters(shape: LlamaShape): number {
  const L = wholePositive(shape.layers, 'layers');
  const d = wholePositive(shape.dModel, 'dModel');
  const dFf = wholePositive(shape.dFf, 'dFf');
  const h = wholePositive(shape.heads, 'heads');
  const kv = wholePositive(shape.kvHeads ?? h, 'kvHeads');
  const V = wholePositive(shape.vocab, 'vocab');
  const dHead = d / h;
  const perLayer = d * h * dHead + 2 * d * kv * dHead + h * dHead * d + 3 * d * dFf + 2 * d;
  return L * perLayer + (shape.tiedEmbeddings ? 1 : 2) * V * d + d;
}

export interface GptShape {
  layers: number;
  dModel: number;
  /** MLP width; default 4·d. */
  dFf?: number;
  vocab: number;
  /** Learned position embeddings, one per position. */
  context: number;
  /** Output head shares the token embedding; default true (GPT-2's). */
  tiedEmbeddings?: boolean;
}

/**
 * A GPT-2-style decoder with biases: per layer QKV and output projections (4d² + 4d), the MLP
 * (2·d·d_ff + d_ff + d) and two LayerNorms (4d); token and position embeddings; a final LayerNorm;
 * an untied head adds V·d. GPT-2 small (12 layers, d 768, V 50,257, context 1,024) gives
 * 124,439,808.
 */
export function gptParameters(shape: GptShape): number {
  const L = wholePositive(shape.layers, 'layers');
  const d = wholePositive(shape.dModel, 'dModel');
  const dFf = wholePositive(shape.dFf ?? 4 * d, 'dFf');
  const V = wholePositive(shape.vocab, 'vocab');
  const ctx = wholePositive(shape.context, 'context');
  const perLayer = 4 * d * d + 4 * d + 2 * d * dFf + dFf + d + 4 * d;
  const head = shape.tiedEmbeddings === false ? V * d : 0;
  return L * perLayer + V * d + ctx * d + 2 * d + head;
}
