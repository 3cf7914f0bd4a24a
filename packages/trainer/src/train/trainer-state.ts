// A resumable checkpoint: the model (as any checkpoint) plus the optimizer's moments and the step,
// under <run>/checkpoints/step-N, with checkpoints/latest.json pointing at the newest complete one.
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { loadCheckpoint, saveCheckpoint, type Checkpoint } from '../model/checkpoint.js';
import type { OptimizerState } from '../optim/optimizers.js';

interface StateLayout {
  step: number;
  steps: Record<string, number>;
  tensors: { kind: 'first' | 'second'; name: string; offset: number; length: number }[];
}

export async function saveTrainerState(
  runDir: string,
  step: number,
  checkpoint: Checkpoint,
  optimizer: OptimizerState,
): Promise<string> {
  const dir = path.join(runDir, 'checkpoints', `step-${String(step).padStart(6, '0')}`);
  await saveCheckpoint(dir, checkpoint);
  const tensors: StateLayout['tensors'] = [];
  let offset = 0;
  for (const kind of ['first', 'second'] as const)
    for (const [name, values] of Object.entries(optimizer[kind])) {
      tensors.push({ kind, name, offset, length: values.length });
      offset += values.length;
    }
  const all = new Float32Array(offset);
  for (const t of tensors) all.set(optimizer[t.kind][t.name] as Float32Array, t.offset);
  const layout: StateLayout = { step, steps: optimizer.steps, tensors };
  // Float32Array bytes are little-endian on every platform Node supports.
  await writeFile(path.join(dir, 'optimizer.bin'), new Uint8Array(all.buffer));
  await writeFile(path.join(dir, 'optimizer.json'), JSON.stringify(layout) + '\n');
  const latest = path.join(runDir, 'checkpoints', 'latest.json');
  await mkdir(path.dirname(latest), { recursive: true });
  await writeFile(latest + '.tmp', JSON.stringify({ step, dir: path.basename(dir) }) + '\n');
  await rename(latest + '.tmp', latest);
  return dir;
}

export async function loadTrainerState(
  runDir: string,
): Promise<
  { step: number; dir: string; checkpoint: Checkpoint; optimizer: OptimizerState } | undefined
> {
  let latest: { step: number; dir: string };
  try {
    latest = JSON.parse(
      await readFile(path.join(runDir, 'checkpoints', 'latest.json'), 'utf8'),
    ) as typeof latest;
  } catch {
    return undefined;
  }
  const dir = path.join(runDir, 'checkpoints', latest.dir);
  const checkpoint = await loadCheckpoint(dir);
  const layout = JSON.parse(
    await readFile(path.join(dir, 'optimizer.json'), 'utf8'),
  ) as StateLayout;
  const bytes = await readFile(path.join(dir, 'optimizer.bin'));
  const all = new Float32Array(
    bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength),
  );
  const optimizer: OptimizerState = { first: {}, second: {}, steps: layout.steps };
  for (const t of layout.tensors)
    optimizer[t.kind][t.name] = all.slice(t.offset, t.offset + t.length);
  return { step: layout.step, dir, checkpoint, optimizer };
}
