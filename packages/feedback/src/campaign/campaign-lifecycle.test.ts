// A campaign from creation to leaderboard, on PGlite and PostgreSQL: validation naming fields,
// idempotent creation, bounded generation with progress, overlap-k assignment with stored random
// order, votes mapped back from positions, undo, daily caps, gold items and failed candidates.
import { expect, it } from 'vitest';
import { rejection } from '../store/__fixtures__/store-suite.js';
import { uniquePrefix } from '../store/__fixtures__/feedback-fixtures.js';
import type { Assignment, GenerationProgress, NextAssignment } from './campaign-types.js';
import { describeCampaignsOnBothEngines, echoGenerator } from './__fixtures__/campaign-suite.js';

const PROMPTS = [
  '什么是大语言模型？',
  'Explain attention in one sentence.',
  '写一首关于秋天的短诗。',
];

function assignmentOf(next: NextAssignment): Assignment {
  if (next.status !== 'assigned') throw new Error(`expected an assignment, got ${next.status}`);
  return next.assignment;
}

describeCampaignsOnBothEngines('campaign lifecycle', (t) => {
  it('refuses a bad campaign naming every field at fault', async () => {
    const error = await rejection(
      t.campaigns.createCampaign({
        name: ' ',
        prompts: ['ok', ''],
        models: ['a', 'a', 7 as never],
        overlap: 0,
      }),
    );
    expect(error.kind).toBe('invalid_input');
    expect(error.details?.map((detail) => detail.field).sort()).toEqual(
      ['models[1]', 'models[2]', 'name', 'overlap', 'prompts[1]'].sort(),
    );
  });

  it('creates once per id: a retry returns the campaign, another body is a conflict', async () => {
    const id = `${uniquePrefix()}-c`;
    const input = { id, name: '秋季评测', prompts: PROMPTS, models: ['a', 'b', 'c'], overlap: 2 };
    const first = await t.campaigns.createCampaign(input);
    expect(first.created).toBe(true);
    expect(first.campaign).toMatchObject({
      id,
      prompts: 3,
      tasks: 9,
      goldTasks: 0,
      status: 'generating',
    });
    expect(first.campaign.progress).toEqual({ total: 9, done: 0, failed: 0, finished: false });
    const again = await t.campaigns.createCampaign(input);
    expect(again.created).toBe(false);
    expect(again.campaign.tasks).toBe(9);
    const clash = await rejection(t.campaigns.createCampaign({ ...input, overlap: 3 }));
    expect(clash.kind).toBe('conflict');
  });

  it('generates with bounded concurrency and reports progress up to finished', async () => {
    const { campaign } = await t.campaigns.createCampaign({
      name: 'gen',
      prompts: PROMPTS,
      models: ['a', 'b'],
    });
    expect(await t.campaigns.nextAssignment(campaign.id, 'early')).toEqual({
      status: 'generating',
      progress: { total: 6, done: 0, failed: 0, finished: false },
    });
    const generate = echoGenerator([], { pairUp: true });
    const seen: GenerationProgress[] = [];
    const final = await t.campaigns.generateCandidates(campaign.id, generate, {
      concurrency: 2,
      onProgress: (progress) => seen.push(progress),
    });
    expect(final).toEqual({ total: 6, done: 6, failed: 0, finished: true });
    expect(generate.calls).toBe(6);
    expect(generate.peak).toBe(2);
    expect(seen.map((progress) => progress.done)).toEqual([1, 2, 3, 4, 5, 6]);
    expect((await t.campaigns.getCampaign(campaign.id))?.status).toBe('ready');
    // Nothing is generated twice when asked again.
    await t.campaigns.generateCandidates(campaign.id, generate);
    expect(generate.calls).toBe(6);
  });

  it('gives each task to `overlap` annotators, never one twice, in a stored random order', async () => {
    const { campaign } = await t.campaigns.createCampaign({
      name: 'k',
      prompts: PROMPTS,
      models: ['a', 'b'],
      overlap: 2,
    });
    await t.campaigns.generateCandidates(campaign.id, echoGenerator());
    const holders = new Map<string, string[]>();
    for (const annotator of ['张三', '李四', '王五']) {
      for (;;) {
        const next = await t.campaigns.nextAssignment(campaign.id, annotator);
        if (next.status === 'done') break;
        const assignment = assignmentOf(next);
        // Until the vote, the same task comes back, in the same order.
        expect(assignmentOf(await t.campaigns.nextAssignment(campaign.id, annotator))).toEqual(
          assignment,
        );
        expect(assignment.left.text).not.toBe(assignment.right.text);
        expect(assignment.prompt.at(-1)?.role).toBe('user');
        holders.set(assignment.taskId, [...(holders.get(assignment.taskId) ?? []), annotator]);
        const vote = await t.campaigns.recordVote({
          id: `${campaign.id}-${annotator}-${assignment.taskId}`,
          taskId: assignment.taskId,
          annotatorId: annotator,
          choice: 'left',
        });
        // The revealed model is the one whose answer was on the left.
        expect(assignment.left.text.startsWith(`${vote.reveal.left}: `)).toBe(true);
        expect(vote.feedback.shown).toEqual([
          assignment.left.responseId,
          assignment.right.responseId,
        ]);
      }
    }
    expect([...holders.values()].map((names) => names.length)).toEqual([2, 2, 2]);
    for (const names of holders.values()) expect(new Set(names).size).toBe(names.length);
    // 王五 came last: both slots of every task were taken.
    expect([...holders.values()].flat().filter((name) => name === '王五')).toEqual([]);
  });

  it('takes a retried vote once, refuses unknown tasks, other bodies and unassigned annotators', async () => {
    const { campaign } = await t.campaigns.createCampaign({
      name: 'v',
      prompts: PROMPTS.slice(0, 1),
      models: ['a', 'b'],
    });
    await t.campaigns.generateCandidates(campaign.id, echoGenerator());
    const { taskId } = assignmentOf(await t.campaigns.nextAssignment(campaign.id, 'ann'));
    const vote = { id: `${campaign.id}-v1`, taskId, annotatorId: 'ann', choice: 'tie' as const };
    expect((await t.campaigns.recordVote(vote)).created).toBe(true);
    expect((await t.campaigns.recordVote(vote)).created).toBe(false);
    expect((await rejection(t.campaigns.recordVote({ ...vote, choice: 'left' }))).kind).toBe(
      'conflict',
    );
    const unknown = await rejection(t.campaigns.recordVote({ ...vote, id: 'x1', taskId: 'nope' }));
    expect(unknown.kind).toBe('not_found');
    expect(unknown.details?.[0]?.field).toBe('taskId');
    const stranger = await rejection(
      t.campaigns.recordVote({ ...vote, id: 'x2', annotatorId: 'stranger' }),
    );
    expect(stranger.kind).toBe('conflict');
    const bad = await rejection(
      t.campaigns.recordVote({ ...vote, id: 'x3', choice: 'up' as never }),
    );
    expect(bad.kind).toBe('invalid_input');
    expect(bad.details?.[0]?.field).toBe('choice');
  });

  it('undo opens the task again and the vote stops counting', async () => {
    const { campaign } = await t.campaigns.createCampaign({
      name: 'u',
      prompts: PROMPTS.slice(0, 1),
      models: ['a', 'b'],
    });
    await t.campaigns.generateCandidates(campaign.id, echoGenerator());
    const first = assignmentOf(await t.campaigns.nextAssignment(campaign.id, 'ann'));
    await t.campaigns.recordVote({
      id: `${campaign.id}-1`,
      taskId: first.taskId,
      annotatorId: 'ann',
      choice: 'left',
    });
    expect((await t.campaigns.nextAssignment(campaign.id, 'ann')).status).toBe('done');
    expect(
      (await rejection(t.campaigns.undoVote({ id: `${campaign.id}-1`, annotatorId: 'other' })))
        .kind,
    ).toBe('not_found');
    expect(await t.campaigns.undoVote({ id: `${campaign.id}-1`, annotatorId: 'ann' })).toEqual({
      taskId: first.taskId,
      created: true,
    });
    const again = assignmentOf(await t.campaigns.nextAssignment(campaign.id, 'ann'));
    expect(again).toEqual({ ...first, position: { done: 0, remaining: 1 } });
    expect((await t.store.countFeedback({ campaignId: campaign.id })).total).toBe(0);
    await t.campaigns.recordVote({
      id: `${campaign.id}-2`,
      taskId: first.taskId,
      annotatorId: 'ann',
      choice: 'right',
    });
    expect((await t.store.countFeedback({ campaignId: campaign.id })).total).toBe(1);
  });

  it('stops an annotator at the daily cap until the next UTC midnight', async () => {
    const { campaign } = await t.campaigns.createCampaign({
      name: 'cap',
      prompts: PROMPTS,
      models: ['a', 'b'],
      dailyCap: 2,
      overlap: 1,
    });
    await t.campaigns.generateCandidates(campaign.id, echoGenerator());
    const now = new Date('2026-12-07T23:00:00Z');
    for (let i = 0; i < 2; i++) {
      const { taskId } = assignmentOf(
        await t.campaigns.nextAssignment(campaign.id, 'ann', { now }),
      );
      await t.campaigns.recordVote({
        id: `${campaign.id}-${i}`,
        taskId,
        annotatorId: 'ann',
        choice: 'right',
      });
    }
    expect(await t.campaigns.nextAssignment(campaign.id, 'ann', { now })).toEqual({
      status: 'capped',
      resetsAt: new Date('2026-12-08T00:00:00Z'),
    });
    const tomorrow = new Date('2026-12-08T00:00:01Z');
    expect((await t.campaigns.nextAssignment(campaign.id, 'ann', { now: tomorrow })).status).toBe(
      'assigned',
    );
  });

  it('gives gold tasks to everyone and scores annotators against them', async () => {
    const gold = [{ prompt: '1+1=?', better: '2', worse: '11' }];
    const { campaign } = await t.campaigns.createCampaign({
      name: 'gold',
      prompts: PROMPTS.slice(0, 2),
      models: ['a', 'b'],
      overlap: 1,
      gold,
    });
    expect(campaign).toMatchObject({ tasks: 3, goldTasks: 1 });
    await t.campaigns.generateCandidates(campaign.id, echoGenerator());
    for (const annotator of ['good', 'careless']) {
      for (;;) {
        const next = await t.campaigns.nextAssignment(campaign.id, annotator);
        if (next.status !== 'assigned') break;
        const { taskId, left } = next.assignment;
        const isGold = left.text === '2' || left.text === '11';
        const pickBetter = annotator === 'good' ? left.text === '2' : left.text === '11';
        const choice = isGold ? (pickBetter ? 'left' : 'right') : 'left';
        await t.campaigns.recordVote({
          id: `${campaign.id}-${annotator}-${taskId}`,
          taskId,
          annotatorId: annotator,
          choice,
        });
      }
    }
    const agreement = await t.campaigns.agreement(campaign.id);
    const rates = Object.fromEntries(
      agreement.perAnnotator.map((row) => [row.annotator, row.gold]),
    );
    expect(rates).toEqual({
      good: { compared: 1, agreed: 1, rate: 1 },
      careless: { compared: 1, agreed: 0, rate: 0 },
    });
    // Gold answers are not models: the leaderboard has a and b only, from the 2 regular votes.
    const board = await t.campaigns.leaderboard(campaign.id);
    expect(board.battles).toBe(2);
    expect(board.rows.map((row) => row.model).sort()).toEqual(['a', 'b']);
  });

  it('keeps failed candidates out of the queue and still finishes', async () => {
    const { campaign } = await t.campaigns.createCampaign({
      name: 'fail',
      prompts: PROMPTS,
      models: ['a', 'b', 'down'],
    });
    const final = await t.campaigns.generateCandidates(campaign.id, echoGenerator(['down']));
    expect(final).toEqual({ total: 9, done: 6, failed: 3, finished: true });
    const tasks = new Set<string>();
    for (;;) {
      const next = await t.campaigns.nextAssignment(campaign.id, 'ann');
      if (next.status !== 'assigned') {
        expect(next.status).toBe('done');
        break;
      }
      tasks.add(next.assignment.taskId);
      await t.campaigns.recordVote({
        id: `${next.assignment.taskId}-v`,
        taskId: next.assignment.taskId,
        annotatorId: 'ann',
        choice: 'tie',
      });
    }
    // Only a-vs-b on each of the 3 prompts.
    expect(tasks.size).toBe(3);
  });

  it('ranks the model annotators prefer first, with an interval, and reports agreement', async () => {
    const { campaign } = await t.campaigns.createCampaign({
      name: 'lb',
      prompts: [...PROMPTS, 'q4', 'q5', 'q6'],
      models: ['strong', 'weak'],
      overlap: 3,
    });
    await t.campaigns.generateCandidates(campaign.id, echoGenerator());
    for (const annotator of ['a1', 'a2', 'a3']) {
      for (;;) {
        const next = await t.campaigns.nextAssignment(campaign.id, annotator);
        if (next.status !== 'assigned') break;
        const { taskId, left } = next.assignment;
        const choice = left.text.startsWith('strong:') ? 'left' : 'right';
        await t.campaigns.recordVote({
          id: `${taskId}-${annotator}`,
          taskId,
          annotatorId: annotator,
          choice,
        });
      }
    }
    const board = await t.campaigns.leaderboard(campaign.id, { rounds: 50, seed: 1 });
    expect(board.battles).toBe(18);
    expect(board.rows.map((row) => [row.model, row.wins, row.losses])).toEqual([
      ['strong', 18, 0],
      ['weak', 0, 18],
    ]);
    expect(board.rows[0]!.rating).toBeGreaterThan(board.rows[1]!.rating);
    expect(board.rows[0]!.elo).toBeGreaterThan(board.rows[1]!.elo);
    const agreement = await t.campaigns.agreement(campaign.id);
    expect(agreement).toMatchObject({ items: 6, votes: 18, annotators: 3, rawAgreement: 1 });
    expect(agreement.itemAgreement.size).toBe(6);
  });
});
