// A campaign store on each engine (PGlite always, PostgreSQL with TEST_POSTGRES_URL), and a
// deterministic candidate generator: each "model" answers in its own recognisable way.
import type { CandidateOutput, GenerateCandidate } from '../campaign-types.js';
import { textOf } from '@repo/core';
import { createTestDatabase, type TestDatabase } from '@repo/storage/testing';
import { afterAll, beforeAll, describe } from 'vitest';
import { describeWithPostgres } from '../../store/__fixtures__/feedback-fixtures.js';
import { createFeedbackStore } from '../../store/create-feedback-store.js';
import type { FeedbackStore } from '../../store/feedback-store.js';
import type { CampaignStore } from '../campaign-store.js';
import { createCampaignStore } from '../create-campaign-store.js';

export interface CampaignSuite {
  readonly store: FeedbackStore;
  readonly campaigns: CampaignStore;
}

export function describeCampaignsOnBothEngines(
  name: string,
  suite: (t: CampaignSuite) => void,
): void {
  describe(`${name} on PGlite`, () => suite(useCampaigns('pglite')));
  describeWithPostgres(`${name} on PostgreSQL`, () => suite(useCampaigns('postgres')));
}

function useCampaigns(kind: 'pglite' | 'postgres'): CampaignSuite {
  let database: TestDatabase | undefined;
  let store: FeedbackStore | undefined;
  let campaigns: CampaignStore | undefined;
  beforeAll(async () => {
    database = await createTestDatabase({ kind });
    store = await createFeedbackStore(database);
    campaigns = await createCampaignStore(database, store);
  });
  afterAll(() => database?.close());
  const opened = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('the suite’s database is not open yet');
    return value;
  };
  return {
    get store() {
      return opened(store);
    },
    get campaigns() {
      return opened(campaigns);
    },
  };
}

/** `model` answers `<model>: <the user's text>`; fails for models named in `failing`. */
export function echoGenerator(
  failing: readonly string[] = [],
): GenerateCandidate & { calls: number; peak: number } {
  let inFlight = 0;
  const generate = async (
    model: string,
    prompt: Parameters<GenerateCandidate>[1],
  ): Promise<CandidateOutput> => {
    generate.calls++;
    inFlight++;
    generate.peak = Math.max(generate.peak, inFlight);
    try {
      await new Promise((resolve) => setTimeout(resolve, 2));
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
