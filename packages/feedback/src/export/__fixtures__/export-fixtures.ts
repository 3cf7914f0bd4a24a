// A store on in-memory PGlite with three answers to one Chinese prompt, and a way to read a whole
// export. Each test writes under its own campaign and exports that campaign only.
import { createTestDatabase } from '@repo/storage/testing';
import type { TestDatabase } from '@repo/storage/testing';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { createFeedbackStore } from '../../store/create-feedback-store.js';
import type { FeedbackStore } from '../../store/feedback-store.js';
import type { Annotator } from '../../store/feedback-types.js';
import { alice, target, uniquePrefix } from '../../store/__fixtures__/feedback-fixtures.js';
import { exportFeedback } from '../export-feedback.js';
import type { ExportOptions, FeedbackExport } from '../export-types.js';

export interface ExportScene {
  store: FeedbackStore;
  campaignId: string;
  /** Three answers to the same prompt. */
  a: string;
  b: string;
  c: string;
}

export const ANSWERS = {
  a: '大语言模型是在海量文本上训练、能够理解和生成自然语言的神经网络。',
  b: '大语言模型就是很大的模型。',
  c: '它是一种数据库。',
};

export const SYSTEM = { role: 'system', content: '你是一位耐心的老师。' };
export const USER = { role: 'user', content: '用一句话解释什么是大语言模型。' };
export const assistant = (content: string) => ({ role: 'assistant', content });

export async function openDatabase(): Promise<{ database: TestDatabase; store: FeedbackStore }> {
  const database = await createTestDatabase();
  return { database, store: await createFeedbackStore(database) };
}

export async function newScene(store: FeedbackStore): Promise<ExportScene> {
  const p = uniquePrefix();
  const [a, b, c] = [`${p}-a`, `${p}-b`, `${p}-c`];
  await store.recordTarget(target(a, ANSWERS.a));
  await store.recordTarget(target(b, ANSWERS.b));
  await store.recordTarget(target(c, ANSWERS.c));
  return { store, campaignId: p, a, b, c };
}

export async function linesOf(exported: FeedbackExport): Promise<string[]> {
  const lines: string[] = [];
  for await (const line of exported.lines) lines.push(line);
  return lines;
}

type SceneOptions = Omit<ExportOptions, 'campaignId'>;

/** One database for the file, a fresh scene (campaign and three answers) for each test. */
export function useExportScene() {
  let opened: { database: TestDatabase; store: FeedbackStore } | undefined;
  let scene: ExportScene | undefined;
  let n = 0;
  beforeAll(async () => {
    opened = await openDatabase();
  });
  afterAll(() => opened?.database.close());
  beforeEach(async () => {
    scene = await newScene(current().store);
  });
  const current = () => {
    if (!opened) throw new Error('the database is not open yet');
    return { ...opened, scene: scene as ExportScene };
  };
  const run = (options: SceneOptions): FeedbackExport =>
    exportFeedback(current().store, { ...options, campaignId: current().scene.campaignId });
  return {
    get store() {
      return current().store;
    },
    get s() {
      return current().scene;
    },
    /** The test's campaign only. */
    run,
    lines: (options: SceneOptions) => linesOf(run(options)),
    /** Common feedback fields: a fresh id, the annotator, the test's campaign. */
    by: (annotator: Annotator = alice, extra: object = {}) => ({
      id: `${current().scene.campaignId}-${n++}`,
      annotator,
      campaignId: current().scene.campaignId,
      ...extra,
    }),
  };
}
