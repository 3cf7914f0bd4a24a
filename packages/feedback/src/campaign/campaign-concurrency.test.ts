// 50 annotators working one campaign at once, each voting (and sometimes retrying a vote) as fast
// as the store answers: no task goes beyond its overlap, nobody gets a task twice, every answered
// vote is stored exactly once, and the shown orders are mixed.
import { expect, it } from 'vitest';
import { describeCampaignsOnBothEngines, echoGenerator } from './__fixtures__/campaign-suite.js';

const ANNOTATORS = 50;
const PROMPTS = 40;
const OVERLAP = 3;

describeCampaignsOnBothEngines('50 concurrent annotators', (t) => {
  it('respects overlap with no lost and no double votes', async () => {
    const prompts = Array.from({ length: PROMPTS }, (_, i) => `第${i}题：解释一个机器学习概念。`);
    const { campaign } = await t.campaigns.createCampaign({
      name: 'race',
      prompts,
      models: ['a', 'b', 'c'],
      overlap: OVERLAP,
    });
    await t.campaigns.generateCandidates(campaign.id, echoGenerator(), { concurrency: 8 });
    const answered: string[] = [];
    const holders = new Map<string, string[]>();
    let aOnLeft = 0;
    const annotate = async (annotator: string) => {
      for (;;) {
        const next = await t.campaigns.nextAssignment(campaign.id, annotator);
        if (next.status !== 'assigned') return;
        const { taskId, left } = next.assignment;
        if (left.text.startsWith('a:')) aOnLeft++;
        holders.set(taskId, [...(holders.get(taskId) ?? []), annotator]);
        const vote = {
          id: `${taskId}|${annotator}`,
          taskId,
          annotatorId: annotator,
          choice: 'left' as const,
        };
        // A client that retries on a lost response sends the same vote twice, at once.
        const [first, retry] = await Promise.all([
          t.campaigns.recordVote(vote),
          t.campaigns.recordVote(vote),
        ]);
        expect([first.created, retry.created].sort()).toEqual([false, true]);
        answered.push(vote.id);
      }
    };
    await Promise.all(Array.from({ length: ANNOTATORS }, (_, i) => annotate(`标注员${i}`)));
    const tasks = PROMPTS * 3;
    expect(holders.size).toBe(tasks);
    for (const names of holders.values()) {
      expect(names.length).toBe(OVERLAP);
      expect(new Set(names).size).toBe(OVERLAP);
    }
    expect(answered.length).toBe(tasks * OVERLAP);
    const stored = await t.store.countFeedback({
      campaignId: campaign.id,
      status: 'any',
      includeSuperseded: true,
    });
    expect(stored.total).toBe(tasks * OVERLAP);
    const ids = new Set<string>();
    for await (const vote of t.store.streamFeedback({ campaignId: campaign.id })) ids.add(vote.id);
    expect([...ids].sort()).toEqual([...answered].sort());
    // Random order per assignment: "a" on the left roughly half the time it was shown (240 of 360).
    expect(aOnLeft).toBeGreaterThan(60);
    expect(aOnLeft).toBeLessThan(180);
  }, 120_000);
});
