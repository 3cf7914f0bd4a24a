// The same forward pass in plain TypeScript, one token at a time with a KV cache: generation needs
// no tensor library, so serving a trained model (local-llm, the apps) never loads TensorFlow.js.
// A test checks these logits against the tfjs forward pass.
import { checkConfig, type GptConfig, type Weights } from './config.js';

export class GptRunner {
  readonly config: GptConfig;
  private readonly w: Weights;

  constructor(config: GptConfig, weights: Weights) {
    this.config = checkConfig(config);
    this.w = weights;
  }

  /** A fresh generation state: the keys and values of every position fed so far, per layer. */
  session(): GptSession {
    return new GptSession(this.config, this.w);
  }
}

export class GptSession {
  /** Positions fed so far. */
  length = 0;
  private readonly keys: Float32Array[];
  private readonly values: Float32Array[];
  private readonly d: number;

  constructor(
    private readonly config: GptConfig,
    private readonly w: Weights,
  ) {
    this.d = config.dModel;
    const size = config.context * config.dModel;
    this.keys = Array.from({ length: config.layers }, () => new Float32Array(size));
    this.values = Array.from({ length: config.layers }, () => new Float32Array(size));
  }

  /** Feed one token; returns the logits for the token after it (length = vocabSize). */
  feed(id: number): Float32Array {
    const { context, layers, heads, vocabSize: V } = this.config;
    if (this.length >= context) throw new Error(`the context of ${context} tokens is full`);
    if (!Number.isInteger(id) || id < 0 || id >= V)
      throw new Error(`token id ${id} is outside the vocabulary`);
    const d = this.d;
    const dh = d / heads;
    const pos = this.length;
    const wte = this.get('wte');
    const wpe = this.get('wpe');
    const x = new Float32Array(d);
    for (let i = 0; i < d; i++) x[i] = (wte[id * d + i] as number) + (wpe[pos * d + i] as number);
    const scale = 1 / Math.sqrt(dh);
    const scores = new Float32Array(pos + 1);
    for (let l = 0; l < layers; l++) {
      const p = `h${l}`;
      const qkv = affine(
        layerNorm(x, this.get(`${p}.ln1.g`), this.get(`${p}.ln1.b`)),
        this.get(`${p}.attn.wqkv`),
        this.get(`${p}.attn.bqkv`),
      );
      const keys = this.keys[l] as Float32Array;
      const values = this.values[l] as Float32Array;
      keys.set(qkv.subarray(d, 2 * d), pos * d);
      values.set(qkv.subarray(2 * d, 3 * d), pos * d);
      const merged = new Float32Array(d);
      for (let h = 0; h < heads; h++) {
        const o = h * dh;
        let max = -Infinity;
        for (let j = 0; j <= pos; j++) {
          let s = 0;
          for (let i = 0; i < dh; i++)
            s += (qkv[o + i] as number) * (keys[j * d + o + i] as number);
          scores[j] = s * scale;
          if (scores[j]! > max) max = scores[j]!;
        }
        let sum = 0;
        for (let j = 0; j <= pos; j++) sum += scores[j] = Math.exp(scores[j]! - max);
        for (let j = 0; j <= pos; j++) {
          const a = scores[j]! / sum;
          for (let i = 0; i < dh; i++) merged[o + i]! += a * (values[j * d + o + i] as number);
        }
      }
      addInto(x, affine(merged, this.get(`${p}.attn.wo`), this.get(`${p}.attn.bo`)));
      const up = affine(
        layerNorm(x, this.get(`${p}.ln2.g`), this.get(`${p}.ln2.b`)),
        this.get(`${p}.mlp.wfc`),
        this.get(`${p}.mlp.bfc`),
      );
      for (let i = 0; i < up.length; i++) up[i] = gelu(up[i] as number);
      addInto(x, affine(up, this.get(`${p}.mlp.wproj`), this.get(`${p}.mlp.bproj`)));
    }
    const h = layerNorm(x, this.get('lnf.g'), this.get('lnf.b'));
    // The head is tied to the token embedding: logit_v = wte[v] · h.
    const logits = new Float32Array(V);
    for (let v = 0; v < V; v++) {
      let s = 0;
      for (let i = 0; i < d; i++) s += (wte[v * d + i] as number) * (h[i] as number);
      logits[v] = s;
    }
    this.length++;
    return logits;
  }

  private get(name: string): Float32Array {
    return this.w.get(name) as Float32Array;
  }
}

function layerNorm(x: Float32Array, g: Float32Array, b: Float32Array): Float32Array {
  let mean = 0;
  for (const v of x) mean += v;
  mean /= x.length;
  let variance = 0;
  for (const v of x) variance += (v - mean) * (v - mean);
  const inv = 1 / Math.sqrt(variance / x.length + 1e-5);
  const out = new Float32Array(x.length);
  for (let i = 0; i < x.length; i++)
    out[i] = ((x[i] as number) - mean) * inv * (g[i] as number) + (b[i] as number);
  return out;
}

/** x·W + b for W stored `in × out`, row-major (the loop order reads W sequentially). */
function affine(x: Float32Array, w: Float32Array, b: Float32Array): Float32Array {
  const out = Float32Array.from(b);
  const width = b.length;
  for (let i = 0; i < x.length; i++) {
    const xi = x[i] as number;
    if (xi === 0) continue;
    const row = i * width;
    for (let j = 0; j < width; j++) out[j]! += xi * (w[row + j] as number);
  }
  return out;
}

function addInto(x: Float32Array, y: Float32Array): void {
  for (let i = 0; i < x.length; i++) x[i]! += y[i] as number;
}

function gelu(v: number): number {
  return 0.5 * v * (1 + Math.tanh(Math.sqrt(2 / Math.PI) * (v + 0.044715 * v * v * v)));
}
