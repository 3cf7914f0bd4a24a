// Loads TensorFlow.js with its WebAssembly backend, once, on first use: nothing that only serves a
// trained model (the pure-JS forward in inference.ts) pays for it. `@tensorflow/tfjs` rather than
// tfjs-core alone because only its Node bundle registers the gradients; `tfjs-node` is not used
// because its install script downloads libtensorflow.
import { createRequire } from 'node:module';
import path from 'node:path';
import type * as TF from '@tensorflow/tfjs';

export type Tf = typeof TF;
let loading: Promise<Tf> | undefined;

export function loadTf(): Promise<Tf> {
  loading ??= (async () => {
    const tf = (await import('@tensorflow/tfjs')) as unknown as Tf & { default?: Tf };
    const api = (tf.default ?? tf) as Tf;
    const { setWasmPaths } = await import('@tensorflow/tfjs-backend-wasm');
    const require = createRequire(import.meta.url);
    const wasm = require.resolve('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm');
    setWasmPaths(path.dirname(wasm) + path.sep);
    if (!(await api.setBackend('wasm')))
      throw new Error('TensorFlow.js could not start its WASM backend');
    return api;
  })();
  return loading;
}
