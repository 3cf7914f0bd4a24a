// The README's example, runnable: plan a 7 B model's pretraining (data, time, memory) and count a
// tiny model the trainer can run on a laptop. src/examples.test.ts checks every figure.
import {
  approxParameters,
  chinchillaOptimal,
  gptParameters,
  kvCacheBytes,
  modelStateBytes,
  trainingFlops,
  trainingTime,
  zeroBytesPerGpu,
} from '../src/index.js';

export function main() {
  const parameters = 7e9;
  const tokens = 2e12;
  const flops = trainingFlops(parameters, tokens); // 6·N·D
  const time = trainingTime({ flops, gpus: 1024, peakFlopsPerGpu: 989e12, mfu: 0.4 });
  // How many tokens would have been compute-optimal for those FLOPs (20 per parameter)?
  const optimal = chinchillaOptimal(flops);
  const adamGB = modelStateBytes(parameters, 'mixed-adam') / 1e9; // 16 bytes per parameter
  const zero3GB = zeroBytesPerGpu({ parameters, dataParallel: 64, stage: 3 }) / 1e9;
  const kvGiB = kvCacheBytes({ layers: 32, kvHeads: 32, headDim: 128, sequence: 4096 }) / 2 ** 30;
  // The trainer's tiny GPT: 2 layers, d 64, 400 characters, context 128.
  const tiny = { layers: 2, dModel: 64, vocab: 400, context: 128 };
  return {
    flops,
    days: Number(time.days.toFixed(2)),
    optimalParametersB: Number((optimal.parameters / 1e9).toFixed(1)),
    optimalTokensT: Number((optimal.tokens / 1e12).toFixed(2)),
    adamGB,
    zero3GB,
    kvGiB,
    tiny: { exact: gptParameters(tiny), seedFormula: approxParameters(tiny) },
  };
}
