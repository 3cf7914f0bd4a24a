// The README's quick start, runnable: record two answers, one pairwise vote, export a DPO file.
// src/examples.test.ts runs it, so the README cannot drift from what the package does.
import { systemMessage, userMessage } from '@repo/core';
import { createDatabase } from '@repo/storage';
import { createFeedbackStore, exportFeedback, type PairwiseInput } from '../src/index.js';

export async function main() {
  const database = await createDatabase({ url: 'memory://' });
  const store = await createFeedbackStore(database);
  const prompt = [
    systemMessage('你是一位耐心的老师。'),
    userMessage('用一句话解释什么是大语言模型。'),
  ];
  await store.recordTarget({
    responseId: 'resp-1',
    prompt,
    answer: '一种很大的模型。',
    model: 'qwen-plus',
  });
  await store.recordTarget({
    responseId: 'resp-2',
    prompt,
    answer: '在海量文本上训练、能理解和生成语言的神经网络。',
    model: 'deepseek-chat',
  });
  // The UI showed resp-2 on the left and resp-1 on the right; the annotator clicked "left".
  const vote: PairwiseInput = {
    id: 'f5b1c2d0-6a1e-4c4e-9a63-2f0d5e7b9c11', // client-generated: a retry is stored once
    kind: 'pairwise',
    shown: ['resp-2', 'resp-1'],
    choice: 'left',
    annotator: { id: 'alice', kind: 'expert' },
    rubricVersion: 'v1',
  };
  const { feedback, created } = await store.recordFeedback(vote);
  const retried = await store.recordFeedback(vote);
  const exported = exportFeedback(store, { format: 'dpo-trl' });
  const lines: string[] = [];
  for await (const line of exported.lines) lines.push(line);
  const card = exported.card();
  await database.close();
  return {
    candidates: feedback.candidates,
    outcome: feedback.outcome,
    created,
    retryCreated: retried.created,
    lines: lines.map((line) => JSON.parse(line) as unknown),
    rowsWritten: card.rowsWritten,
  };
}
