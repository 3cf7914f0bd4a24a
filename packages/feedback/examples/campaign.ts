// The README's campaign example, runnable: two configurations of the embedded model answer two
// prompts, two annotators judge every pair (one gold item among them), then the leaderboard and
// the agreement. src/examples.test.ts runs it, so the README cannot drift from the package.
import { randomUUID } from 'node:crypto';
import { createChatClient } from '@repo/chat';
import { createLocalLlm } from '@repo/local-llm';
import { createOpenAICompatibleChatModel } from '@repo/providers';
import { createDatabase } from '@repo/storage';
import {
  createCampaignStore,
  createFeedbackStore,
  type GenerateCandidate,
  type GenerationProgress,
} from '../src/index.js';

export async function main() {
  const llm = createLocalLlm();
  const model = createOpenAICompatibleChatModel({
    provider: 'local',
    model: 'local',
    baseURL: llm.baseURL,
    fetch: llm.fetch,
    requireApiKey: false,
  });
  // Two "models": the whole answer, and the same cut to 8 tokens (with keys: two real models).
  const maxTokens: Record<string, number | undefined> = { detailed: undefined, brief: 8 };
  const generate: GenerateCandidate = async (name, prompt, signal) => {
    const answer = await createChatClient(model)
      .prompt()
      .messages(prompt)
      .options({ maxTokens: maxTokens[name] })
      .signal(signal)
      .call();
    return { text: answer.content, model: answer.response.model, provider: 'local' };
  };

  const database = await createDatabase({ url: 'memory://' });
  const store = await createFeedbackStore(database);
  const campaigns = await createCampaignStore(database, store);
  const { campaign } = await campaigns.createCampaign({
    name: '客服回答对比',
    prompts: ['退货政策是什么？', 'How do I reset my password?'],
    models: ['detailed', 'brief'],
    overlap: 2, // annotators per task
    gold: [{ prompt: '1 + 1 = ?', better: '2', worse: '11' }],
    dailyCap: 200,
  });
  const progress: GenerationProgress[] = [];
  await campaigns.generateCandidates(campaign.id, generate, {
    concurrency: 4,
    onProgress: (step) => progress.push(step),
  });

  const reveals: string[] = [];
  for (const annotator of ['张三', '李四']) {
    for (;;) {
      const next = await campaigns.nextAssignment(campaign.id, annotator);
      if (next.status !== 'assigned') break;
      const { taskId, left, right } = next.assignment; // models hidden until the vote
      // Both prefer the longer answer (the gold item's better answer is the shorter: '2').
      const gold = left.text === '2' || right.text === '2';
      const choice = gold === left.text.length < right.text.length ? 'left' : 'right';
      const { reveal } = await campaigns.recordVote({
        id: randomUUID(),
        taskId,
        annotatorId: annotator,
        choice,
      });
      reveals.push(reveal[choice]);
    }
  }
  const board = await campaigns.leaderboard(campaign.id); // Bradley–Terry + intervals, online Elo
  const agreement = await campaigns.agreement(campaign.id); // raw, κ, α, position bias, per annotator
  await database.close();
  return {
    tasks: campaign.tasks,
    generated: progress.at(-1),
    chosen: reveals.sort(),
    leaderboard: board.rows.map((row) => [row.model, row.wins, row.losses]),
    rawAgreement: agreement.rawAgreement,
    goldAccuracy: agreement.perAnnotator.map((row) => [row.annotator, row.gold.rate]),
  };
}
