// A campaign store on each engine (PGlite always, PostgreSQL with TEST_POSTGRES_URL), and a
// deterministic candidate generator: each "model" answers in its own recognisable way.
import { textOf } from '@repo/core';
import { beforeAll } from 'vitest';
import { describeOnBothEngines } from '../../store/__fixtures__/store-suite.js';
import type { FeedbackStore } from '../../store/feedback-store.js';
import type { CampaignStore } from '../campaign-store.js';
import type { CandidateOutput, GenerateCandidate } from '../campaign-types.js';
import { createCampaignStore } from '../create-campaign-store.js';

export interface CampaignSuite {
  readonly store: FeedbackStore;
  readonly campaigns: CampaignStore;
}

/** The feedback store suite's engines and databases, with a campaign store on each. */
export function describeCampaignsOnBothEngines(
  name: string,
  suite: (t: CampaignSuite) => void,
): void {
  describeOnBothEngines(name, (t) => {
    let campaigns: CampaignStore | undefined;
    // Runs after the store suite's own beforeAll, which opens the database.
    beforeAll(async () => {
      campaigns = await createCampaignStore(t.database, t.store);
    });
    suite({
      get store() {
        return t.store;
      },
      get campaigns() {
        if (!campaigns) throw new Error('the suite’s campaign store is not open yet');
        return campaigns;
      },
    });
  });
}

/**
 * `model` answers `<model>: <the user's text>`; fails for models named in `failing`. With `pairUp`
 * a call waits (up to a second) for a second one to be in flight, so a pool of two really
 * overlaps and `peak` shows the bound, whatever the database's timing.
 */
export function echoGenerator(
  failing: readonly string[] = [],
  { pairUp = false } = {},
): GenerateCandidate & { calls: number; peak: number } {
  let inFlight = 0;
  let waiting: Array<() => void> = [];
  const meet = () =>
    new Promise<void>((resolve) => {
      if (inFlight >= 2) {
        for (const release of waiting) release();
        waiting = [];
        return resolve();
      }
      const timer = setTimeout(resolve, 1000);
      waiting.push(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  const generate = async (
    model: string,
    prompt: Parameters<GenerateCandidate>[1],
  ): Promise<CandidateOutput> => {
    generate.calls++;
    inFlight++;
    generate.peak = Math.max(generate.peak, inFlight);
    try {
      await (pairUp ? meet() : new Promise((resolve) => setTimeout(resolve, 2)));
      if (failing.includes(model)) throw new Error(`${model} is down`);
      const user = prompt.at(-1);
      return {
        text: `${model}: ${user ? textOf(user) : ''}`,
        model: `${model}-v1`,
        provider: 'test',
      };
    } finally {
      inFlight--;
    }
  };
  generate.calls = 0;
  generate.peak = 0;
  return generate;
}
