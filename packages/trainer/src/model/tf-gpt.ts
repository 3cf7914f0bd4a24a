// The tiny GPT in TensorFlow.js ops, for training: the forward pass as the seed article writes it
// (softmax(QKᵀ/√d_k)·V per head, heads concatenated), the token loss with a per-token weight, the
// per-sequence log-probabilities DPO needs, and one gradient step's gradients read back as
// Float32Arrays for the optimizers in ../optim. Two traps of the WASM backend shape the code: it has
// no gradient for `gather` (embed() brings its own, a scatter-add), and a matmul with a transpose
// flag is slower than transposing first.
import type * as TF from '@tensorflow/tfjs';
import { checkConfig, weightShapes, type GptConfig, type Weights } from './config.js';
import type { Tf } from './tf.js';

type Tensor = TF.Tensor;

let instances = 0;

export interface TokenBatch {
  /** Token ids, `batch × length`, row-major; `length` ≤ the model's context. */
  ids: Int32Array;
  /** The next token at each position (same shape). */
  targets: Int32Array;
  /** How much each position counts in the loss (0 for padding and prompts). */
  weights: Float32Array;
  batch: number;
  length: number;
}

export class TfGpt {
  readonly config: GptConfig;
  readonly variables = new Map<string, TF.Variable>();
  private readonly shapes = new Map<string, number[]>();
  private readonly causalMask: Tensor;
  private readonly embed: (table: Tensor, ids: Tensor) => Tensor;
  private readonly mm: (a: Tensor, b: Tensor) => Tensor;

  constructor(
    private readonly tf: Tf,
    config: GptConfig,
    weights: Weights,
    options: { trainable?: boolean } = {},
  ) {
    this.config = checkConfig(config);
    // tfjs variable names are global to the process: prefix them per instance.
    const prefix = `gpt${++instances}/`;
    for (const [name, shape] of weightShapes(this.config)) {
      const values = weights.get(name);
      if (!values || values.length !== shape.reduce((a, b) => a * b, 1))
        throw new Error(`weights["${name}"] is missing or not of shape [${shape.join(', ')}]`);
      this.shapes.set(name, shape);
      this.variables.set(
        name,
        tf.variable(tf.tensor(values, shape), options.trainable ?? true, prefix + name),
      );
    }
    const T = this.config.context;
    const mask = new Float32Array(T * T);
    for (let i = 0; i < T; i++) for (let j = i + 1; j < T; j++) mask[i * T + j] = -1e9;
    this.causalMask = tf.keep(tf.tensor2d(mask, [T, T]));
    // gather's gradient is a scatter-add of the incoming rows (scatterND sums repeated ids).
    this.embed = tf.customGrad((...args: (Tensor | TF.GradSaveFunc)[]) => {
      const [table, ids, save] = args as [Tensor, Tensor, TF.GradSaveFunc];
      save([ids]);
      return {
        value: tf.gather(table as Tensor, ids as Tensor),
        gradFunc: (dy, saved) => {
          const rows = (saved[0] as Tensor).size;
          const width = (table as Tensor).shape[1] as number;
          return [
            tf.scatterND(
              tf.reshape(saved[0] as Tensor, [rows, 1]),
              tf.reshape(dy as Tensor, [rows, width]),
              (table as Tensor).shape,
            ),
            tf.zerosLike(saved[0] as Tensor),
          ];
        },
      };
    }) as (table: Tensor, ids: Tensor) => Tensor;
    // A 2-D matmul whose gradient transposes first: tfjs's own uses the transpose flags, which
    // the WASM backend runs about 10× slower (measured: 18 ms against 1.9 ms at 2048×64×192).
    this.mm = tf.customGrad((...args: (Tensor | TF.GradSaveFunc)[]) => {
      const [a, b, save] = args as [Tensor, Tensor, TF.GradSaveFunc];
      save([a, b]);
      return {
        value: tf.matMul(a as TF.Tensor2D, b as TF.Tensor2D),
        gradFunc: (dy, saved) => {
          const [sa, sb] = saved as [TF.Tensor2D, TF.Tensor2D];
          return [
            tf.matMul(dy as TF.Tensor2D, tf.transpose(sb)),
            tf.matMul(tf.transpose(sa), dy as TF.Tensor2D),
          ];
        },
      };
    }) as (a: Tensor, b: Tensor) => Tensor;
  }

  private w(name: string): Tensor {
    return this.variables.get(name) as Tensor;
  }

  private layerNorm(x: Tensor, name: string): Tensor {
    const tf = this.tf;
    const { mean, variance } = tf.moments(x, -1, true);
    return tf.add(
      tf.mul(tf.div(tf.sub(x, mean), tf.sqrt(tf.add(variance, 1e-5))), this.w(`${name}.g`)),
      this.w(`${name}.b`),
    );
  }

  private dropout(x: Tensor, seed: number | undefined): Tensor {
    const rate = this.config.dropout ?? 0;
    return seed === undefined || rate === 0 ? x : this.tf.dropout(x, rate, undefined, seed);
  }

  /**
   * The final hidden states, `batch × length × dModel`, after the last LayerNorm. `dropoutSeed`
   * turns dropout on (training); without it the pass is deterministic.
   */
  hidden(ids: Int32Array, batch: number, length: number, dropoutSeed?: number): Tensor {
    const tf = this.tf;
    const { dModel: d, heads: H, layers, context } = this.config;
    if (length > context) throw new Error(`length ${length} exceeds the context ${context}`);
    const dh = d / H;
    const N = batch * length;
    const seed = (k: number) => (dropoutSeed === undefined ? undefined : dropoutSeed * 97 + k);
    const tokenIds = tf.tensor1d(ids, 'int32');
    const positions = tf.tensor1d(
      Int32Array.from({ length: N }, (_, i) => i % length),
      'int32',
    );
    let x = tf.add(this.embed(this.w('wte'), tokenIds), this.embed(this.w('wpe'), positions));
    const mask = tf.slice(this.causalMask, [0, 0], [length, length]);
    for (let l = 0; l < layers; l++) {
      const p = `h${l}`;
      // Attention: one projection to Q, K and V, split into heads.
      const a = this.layerNorm(x, `${p}.ln1`);
      // The fused QKV weight's three column blocks, each projected on its own and put straight
      // into the layout its matmul needs (fewer and smaller transposes than splitting [N, 3d]).
      const project = (part: number, perm: number[]) => {
        const w = tf.slice(this.w(`${p}.attn.wqkv`), [0, part * d], [d, d]);
        const b = tf.slice(this.w(`${p}.attn.bqkv`), [part * d], [d]);
        return tf.transpose(tf.reshape(tf.add(this.mm(a, w), b), [batch, length, H, dh]), perm);
      };
      const q = project(0, [0, 2, 1, 3]); // batch × heads × length × dh
      const kT = project(1, [0, 2, 3, 1]); // batch × heads × dh × length
      const v = project(2, [0, 2, 1, 3]);
      const scores = tf.add(tf.mul(tf.matMul(q, kT), 1 / Math.sqrt(dh)), mask);
      const attention = this.dropout(tf.softmax(scores), seed(2 * l));
      const heads = tf.transpose(tf.matMul(attention, v), [0, 2, 1, 3]);
      const merged = tf.reshape(heads, [N, d]);
      const out = tf.add(this.mm(merged, this.w(`${p}.attn.wo`)), this.w(`${p}.attn.bo`));
      x = tf.add(x, this.dropout(out, seed(2 * l + 1)));
      // MLP: d → 4d → d with GELU (tanh form, as GPT-2).
      const m = this.layerNorm(x, `${p}.ln2`);
      const up = tf.add(this.mm(m, this.w(`${p}.mlp.wfc`)), this.w(`${p}.mlp.bfc`));
      const down = tf.add(
        this.mm(gelu(tf, up), this.w(`${p}.mlp.wproj`)),
        this.w(`${p}.mlp.bproj`),
      );
      x = tf.add(x, this.dropout(down, seed(1000 + l)));
    }
    return tf.reshape(this.layerNorm(x, 'lnf'), [batch, length, d]);
  }

  /** Log-probabilities of every next token, `(batch·length) × vocab`, through the tied head. */
  logProbs(ids: Int32Array, batch: number, length: number, dropoutSeed?: number): Tensor {
    const tf = this.tf;
    const h = tf.reshape(this.hidden(ids, batch, length, dropoutSeed), [
      batch * length,
      this.config.dModel,
    ]);
    return tf.logSoftmax(this.mm(h, tf.transpose(this.w('wte'))));
  }

  /** Per-position log-probability of the target token, `batch × length`. */
  targetLogProbs(batch: TokenBatch, dropoutSeed?: number): Tensor {
    const tf = this.tf;
    const logp = this.logProbs(batch.ids, batch.batch, batch.length, dropoutSeed);
    const picked = tf.sum(
      tf.mul(logp, tf.oneHot(tf.tensor1d(batch.targets, 'int32'), this.config.vocabSize)),
      1,
    );
    return tf.reshape(picked, [batch.batch, batch.length]);
  }

  /** Mean negative log-likelihood over the weighted positions (a scalar). */
  loss(batch: TokenBatch, dropoutSeed?: number): Tensor {
    const tf = this.tf;
    const w = tf.tensor2d(batch.weights, [batch.batch, batch.length]);
    const total = Math.max(
      batch.weights.reduce((a, b) => a + b, 0),
      1e-8,
    );
    return tf.div(tf.neg(tf.sum(tf.mul(this.targetLogProbs(batch, dropoutSeed), w))), total);
  }

  /** Summed log-probability of each sequence's weighted positions, `batch` (for DPO). */
  sequenceLogProbs(batch: TokenBatch, dropoutSeed?: number): Tensor {
    const tf = this.tf;
    const w = tf.tensor2d(batch.weights, [batch.batch, batch.length]);
    return tf.sum(tf.mul(this.targetLogProbs(batch, dropoutSeed), w), 1);
  }

  /** Rows of a `rows × width` tensor picked by index, with a gradient (see embed). */
  pickRows(table: Tensor, rows: Int32Array): Tensor {
    return this.embed(table, this.tf.tensor1d(rows, 'int32'));
  }

  /**
   * One backward pass: the scalar `lossFn` returns, and the gradient of every trainable weight
   * (plus `extra` variables, such as a reward head) read back as Float32Arrays.
   */
  gradients(
    lossFn: (keep: (name: string, tensor: Tensor) => void) => Tensor,
    extra: ReadonlyMap<string, TF.Variable> = new Map(),
  ): { loss: number; grads: Map<string, Float32Array>; kept: Map<string, Float32Array> } {
    const tf = this.tf;
    const list = [...this.variables.values()]
      .filter((v) => v.trainable)
      .concat([...extra.values()]);
    const byName = new Map<string, string>();
    for (const [name, v] of [...this.variables, ...extra]) byName.set(v.name, name);
    // Read back outside tidy: tidy scans a returned typed array element by element.
    // `keep` lets the loss hand out side values (DPO's rewards) without a second forward pass.
    const stash = new Map<string, Tensor>();
    const keep = (name: string, tensor: Tensor) => void stash.set(name, tf.keep(tf.clone(tensor)));
    const { value, grads } = tf.variableGrads(() => lossFn(keep) as TF.Scalar, list);
    const kept = new Map<string, Float32Array>();
    for (const [name, tensor] of stash) {
      kept.set(name, new Float32Array(tensor.dataSync()));
      tensor.dispose();
    }
    const loss = value.dataSync()[0] as number;
    value.dispose();
    const out = new Map<string, Float32Array>();
    for (const [key, grad] of Object.entries(grads)) {
      out.set(byName.get(key) ?? key, new Float32Array(grad.dataSync()));
      grad.dispose();
    }
    return { loss, grads: out, kept };
  }

  /** Replace one weight's values (after an optimizer step on the Float32Array). */
  assign(name: string, values: Float32Array): void {
    const tf = this.tf;
    const variable = this.variables.get(name) as TF.Variable;
    const next = tf.tensor(values, this.shapes.get(name));
    variable.assign(next);
    next.dispose();
  }

  /** The current weights, copied out. */
  readWeights(): Weights {
    const out: Weights = new Map();
    for (const [name, v] of this.variables) out.set(name, new Float32Array(v.dataSync()));
    return out;
  }

  dispose(): void {
    for (const v of this.variables.values()) v.dispose();
    this.causalMask.dispose();
  }
}

function gelu(tf: Tf, x: Tensor): Tensor {
  const inner = tf.mul(
    tf.add(x, tf.mul(tf.mul(tf.mul(x, x), x), 0.044715)),
    Math.sqrt(2 / Math.PI),
  );
  return tf.mul(tf.mul(x, 0.5), tf.add(tf.tanh(inner), 1));
}
