// Generates a campaign's pending candidates, `concurrency` at a time (a small worker pool over the
// pending list: the only bounded-concurrency need here, so no queue library). Each answer is
// recorded as a feedback target, then the candidate row and the tasks that compare it are
// updated. A failed answer is kept as failed with its message; an aborted one stays pending, so
// calling this again after a restart resumes where generation stopped. Response ids are
// `<campaign>:<prompt index>:<model>`: readable in exports, and a restart that finds the answer
// already recorded (cut off before the candidate row was updated) keeps the first one.
import type { DrizzleDatabase } from '@repo/storage';
import { and, eq, isNull } from 'drizzle-orm';
import type { FeedbackStore } from '../store/feedback-store.js';
import type { GenerateCandidate, GenerateOptions, GenerationProgress } from './campaign-types.js';
import { readProgress } from './campaign-rows.js';
import { feedbackCampaignPrompts, feedbackCandidates, feedbackTasks } from './campaign-schema.js';
import { promptMessages } from './insert-campaign.js';

const ERROR_CHARS = 500;

interface PendingCandidate {
  promptIndex: number;
  model: string;
  text: string;
}

export async function generateCandidates(
  db: DrizzleDatabase,
  store: FeedbackStore,
  campaign: { id: string; system?: string },
  generate: GenerateCandidate,
  options: GenerateOptions = {},
): Promise<GenerationProgress> {
  const pending: PendingCandidate[] = await db
    .select({
      promptIndex: feedbackCandidates.promptIndex,
      model: feedbackCandidates.model,
      text: feedbackCampaignPrompts.text,
    })
    .from(feedbackCandidates)
    .innerJoin(
      feedbackCampaignPrompts,
      and(
        eq(feedbackCampaignPrompts.campaignId, feedbackCandidates.campaignId),
        eq(feedbackCampaignPrompts.promptIndex, feedbackCandidates.promptIndex),
      ),
    )
    .where(
      and(
        eq(feedbackCandidates.campaignId, campaign.id),
        isNull(feedbackCandidates.responseId),
        isNull(feedbackCandidates.error),
      ),
    )
    .orderBy(feedbackCandidates.promptIndex, feedbackCandidates.model);
  const progress = await readProgress(db, campaign.id);
  const signal = options.signal ?? new AbortController().signal;
  const candidateKey = (candidate: PendingCandidate) =>
    and(
      eq(feedbackCandidates.campaignId, campaign.id),
      eq(feedbackCandidates.promptIndex, candidate.promptIndex),
      eq(feedbackCandidates.model, candidate.model),
    );

  const generateOne = async (candidate: PendingCandidate) => {
    const prompt = promptMessages(candidate.text, campaign.system);
    try {
      const responseId = `${campaign.id}:${candidate.promptIndex}:${candidate.model}`;
      if (!(await store.getTarget(responseId))) {
        const output = await generate(candidate.model, prompt, signal);
        await store.recordTarget({
          responseId,
          prompt,
          answer: output.text,
          model: candidate.model,
          ...(output.provider === undefined ? {} : { provider: output.provider }),
          parameters: { ...output.parameters, providerModel: output.model },
        });
      }
      await db.update(feedbackCandidates).set({ responseId }).where(candidateKey(candidate));
      const sameCandidate = (column: typeof feedbackTasks.modelA | typeof feedbackTasks.modelB) =>
        and(
          eq(feedbackTasks.campaignId, campaign.id),
          eq(feedbackTasks.promptIndex, candidate.promptIndex),
          eq(column, candidate.model),
        );
      await db
        .update(feedbackTasks)
        .set({ responseA: responseId })
        .where(sameCandidate(feedbackTasks.modelA));
      await db
        .update(feedbackTasks)
        .set({ responseB: responseId })
        .where(sameCandidate(feedbackTasks.modelB));
      progress.done++;
    } catch (error) {
      if (signal.aborted) return;
      const message = error instanceof Error ? error.message : String(error);
      await db
        .update(feedbackCandidates)
        .set({ error: message.slice(0, ERROR_CHARS) || 'generation failed' })
        .where(candidateKey(candidate));
      progress.failed++;
    }
    progress.finished = progress.done + progress.failed === progress.total;
    options.onProgress?.({ ...progress });
  };

  let next = 0;
  const worker = async () => {
    while (!signal.aborted && next < pending.length) {
      await generateOne(pending[next++] as PendingCandidate);
      // A model answering in-process (the embedded one) and PGlite settle through promises
      // alone: without a turn of the event loop here, a long generation would keep the loop from
      // polling I/O, and /health or any request would wait until the whole campaign is done.
      await new Promise((resolve) => setImmediate(resolve));
    }
  };
  const concurrency = Math.max(1, Math.min(options.concurrency ?? 4, pending.length));
  await Promise.all(Array.from({ length: concurrency }, worker));
  return { ...progress };
}
