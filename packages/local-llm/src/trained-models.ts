// Trained checkpoints served under model ids (`trainedModels`, LOCAL_LLM_TRAINED_MODELS): which
// ids there are, and each checkpoint loaded on its first request, once. @repo/trainer/serve is
// imported only then, so a local-llm that is never asked for a trained model never loads it.
import path from 'node:path';
import type { loadTrainedChatModel, TrainedChatModel } from '@repo/trainer/serve';

export const TRAINED_MODELS_VARIABLE = 'LOCAL_LLM_TRAINED_MODELS';

interface ServeModule {
  loadTrainedChatModel: typeof loadTrainedChatModel;
}

export interface TrainedModelsConfig {
  trainedModels?: Record<string, string>;
  env?: Record<string, string | undefined>;
}

/**
 * Model id → absolute checkpoint folder: the variable's `id=dir,id2=dir2` entries, then the
 * `trainedModels` option (which wins for an id in both). A built-in id cannot be taken.
 */
export function trainedModelDirs(
  config: TrainedModelsConfig,
  builtInIds: readonly string[],
): Map<string, string> {
  const dirs = new Map<string, string>();
  const add = (id: string, dir: string, where: string) => {
    if (id === '' || /\s|,/.test(id))
      throw new Error(`${where}: the model id must be non-empty, without spaces or commas`);
    if (dir === '') throw new Error(`${where}: the checkpoint folder is empty`);
    if (builtInIds.includes(id))
      throw new Error(`${where}: "${id}" is a built-in model id; pick another`);
    dirs.set(id, path.resolve(dir));
  };
  const variable = (config.env ?? process.env)[TRAINED_MODELS_VARIABLE] ?? '';
  const seen = new Set<string>();
  for (const entry of variable.split(',').map((part) => part.trim())) {
    if (entry === '') continue;
    const at = entry.indexOf('=');
    const where = `${TRAINED_MODELS_VARIABLE} entry "${entry}"`;
    if (at < 0) throw new Error(`${where}: write id=dir, e.g. tiny-sft=./runs/sft`);
    const id = entry.slice(0, at).trim();
    if (seen.has(id)) throw new Error(`${where}: the id "${id}" is given twice`);
    seen.add(id);
    add(id, entry.slice(at + 1).trim(), where);
  }
  for (const [id, dir] of Object.entries(config.trainedModels ?? {}))
    add(id, typeof dir === 'string' ? dir : '', `trainedModels["${id}"]`);
  return dirs;
}

export class TrainedModels {
  private readonly loaded = new Map<string, Promise<TrainedChatModel>>();
  private readonly dirs: Map<string, string>;

  constructor(
    dirs: ReadonlyMap<string, string>,
    private readonly importServe: () => Promise<ServeModule> = () => import('@repo/trainer/serve'),
  ) {
    this.dirs = new Map(dirs);
  }

  /** Serves one more checkpoint (a fine-tuning job's model or checkpoint) from now on. */
  register(id: string, dir: string): void {
    this.dirs.set(id, path.resolve(dir));
    this.loaded.delete(id);
  }

  dirOf(id: string): string | undefined {
    return this.dirs.get(id);
  }

  get ids(): string[] {
    return [...this.dirs.keys()];
  }

  has(id: string): boolean {
    return this.dirs.has(id);
  }

  /** The model, loaded on first use and kept; a failed load is tried again next time. */
  load(id: string): Promise<TrainedChatModel> {
    const dir = this.dirs.get(id);
    if (dir === undefined) return Promise.reject(new Error(`No trained model "${id}"`));
    let model = this.loaded.get(id);
    if (!model) {
      model = this.importServe().then((serve) => serve.loadTrainedChatModel(dir, { id }));
      this.loaded.set(id, model);
      model.catch(() => this.loaded.delete(id));
    }
    return model;
  }
}
