// The task list of a campaign: every pair of models on every prompt, plus the gold items, in a
// shuffled queue order (seeded by the campaign id, so the same campaign always gets the same
// queue) with gold tasks spread evenly through it rather than bunched where an annotator would
// learn to spot them.
import { createHash } from 'node:crypto';
import { createRandom } from '@repo/core';

export interface PlannedTask {
  id: string;
  position: number;
  /** Undefined for gold items. */
  promptIndex?: number;
  modelA: string;
  modelB: string;
  /** Index into the campaign's gold items. */
  goldIndex?: number;
}

export const GOLD_MODEL_BETTER = 'gold:better';
export const GOLD_MODEL_WORSE = 'gold:worse';

function seedOf(text: string): number {
  return createHash('sha256').update(text).digest().readUInt32LE(0);
}

export function planTasks(
  campaignId: string,
  promptCount: number,
  models: readonly string[],
  goldCount: number,
): PlannedTask[] {
  const pairs: Array<Omit<PlannedTask, 'id' | 'position'>> = [];
  for (let promptIndex = 0; promptIndex < promptCount; promptIndex++)
    for (let a = 0; a < models.length; a++)
      for (let b = a + 1; b < models.length; b++)
        pairs.push({ promptIndex, modelA: models[a] as string, modelB: models[b] as string });
  const random = createRandom(seedOf(campaignId));
  for (let i = pairs.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [pairs[i], pairs[j]] = [pairs[j] as (typeof pairs)[number], pairs[i] as (typeof pairs)[number]];
  }
  // Gold item g goes after roughly (g + 1) / (goldCount + 1) of the regular tasks.
  const queue: Array<Omit<PlannedTask, 'id' | 'position'>> = [];
  let next = 0;
  for (let g = 0; g < goldCount; g++) {
    const until = Math.round(((g + 1) * pairs.length) / (goldCount + 1));
    while (next < until) queue.push(pairs[next++] as (typeof pairs)[number]);
    queue.push({ modelA: GOLD_MODEL_BETTER, modelB: GOLD_MODEL_WORSE, goldIndex: g });
  }
  while (next < pairs.length) queue.push(pairs[next++] as (typeof pairs)[number]);
  return queue.map((task, position) => ({ ...task, id: `${campaignId}:${position}`, position }));
}
