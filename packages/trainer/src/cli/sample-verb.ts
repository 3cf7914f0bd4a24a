// `ai-train sample DIR "prompt"`: loads a checkpoint (a run folder means its final/ model) and
// streams the assistant's answer with the plain-TypeScript sampler; no TensorFlow.js is loaded.
import path from 'node:path';
import { flagError, type Flags, type FlagSpec } from '@repo/core/cli';
import type { CliIo } from './cli-io.js';
import { loadCheckpoint } from '../model/checkpoint.js';
import { GptRunner } from '../model/inference.js';
import { checkSampleOptions, generateChat } from '../model/sample.js';
import type { ChatTurn } from '../tokenizer/char-tokenizer.js';
import { exists, mustBeCheckpoint } from './train-config.js';

const text = { type: 'string' } as const;
export const SAMPLE_FLAGS: FlagSpec = {
  system: text,
  temperature: text,
  'top-k': text,
  'top-p': text,
  'max-tokens': text,
  seed: text,
};

export async function sampleVerb(flags: Flags, io: CliIo): Promise<number> {
  const [dir, prompt] = flags.positionals;
  if (dir === undefined || prompt === undefined)
    throw flagError('CHECKPOINT_DIR', 'and a prompt are required: ai-train sample DIR "prompt"');
  flags.atMost(2);
  const options = checkSampleOptions({
    temperature: flags.number('temperature'),
    topK: flags.whole('top-k', 1),
    topP: flags.number('top-p'),
    maxTokens: flags.whole('max-tokens', 1),
    seed: flags.whole('seed', 0),
  });
  let checkpointDir = path.resolve(dir);
  const final = path.join(checkpointDir, 'final');
  if (!(await exists(path.join(checkpointDir, 'model.json'))) && (await exists(final)))
    checkpointDir = final;
  await mustBeCheckpoint('CHECKPOINT_DIR', checkpointDir);
  const checkpoint = await loadCheckpoint(checkpointDir);
  const system = flags.string('system');
  const turns: ChatTurn[] = [
    ...(system ? [{ role: 'system' as const, content: system }] : []),
    { role: 'user', content: prompt },
  ];
  const runner = new GptRunner(checkpoint.config, checkpoint.weights);
  const pieces = generateChat(runner, checkpoint.tokenizer, turns, options);
  for (let next = pieces.next(); ; next = pieces.next()) {
    if (next.done) {
      io.stdout.write('\n');
      return 0;
    }
    io.stdout.write(next.value);
  }
}
