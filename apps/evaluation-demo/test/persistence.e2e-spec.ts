// Runs live in a PGlite folder by default: a finished run is still listed and reported after a
// restart, a run in flight when the app stops is stored as cancelled, and a run that was `running`
// when the process died is marked failed at the next start.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseSuite } from '@repo/evaluation';
import { localLlmOf } from '@repo/nest/testing';
import request from 'supertest';
import { afterAll, describe, expect, it } from 'vitest';
import { EvalStoreService, INTERRUPTED } from '../src/common/eval-store.service.js';
import { createTestApp, readEvents, runUntilDone, startRun } from './create-test-app.js';

const folder = mkdtempSync(join(tmpdir(), 'evaluation-demo-'));
const env = { DATABASE_URL: `file:${folder}` };
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe('runs on a PGlite folder', () => {
  it('survive a restart; a run cut off by a crash is marked failed', async () => {
    const first = await createTestApp(env);
    const { runId } = await runUntilDone(first, { suite: 'json-extraction' });
    // What a crash leaves behind: a run stored as running that nothing will finish.
    const suite = parseSuite({
      prompts: ['{{q}}'],
      providers: ['local'],
      tests: [{ vars: { q: 'hi' } }],
    });
    await (await first.get(EvalStoreService).store()).start('cut-off', suite);
    // A run in flight when the app stops is cancelled and stored with what it finished.
    localLlmOf(first).faults({ latencyMs: 5000 });
    const stopped = await startRun(first, { suite: 'qa' });
    await first.close();

    const second = await createTestApp(env);
    try {
      const server = second.getHttpServer();
      const list = await request(server).get('/api/eval/runs');
      expect(list.body).toEqual([
        expect.objectContaining({ id: stopped, status: 'cancelled', passRate: 0 }),
        expect.objectContaining({ id: 'cut-off', status: 'failed', error: INTERRUPTED }),
        expect.objectContaining({ id: runId, status: 'completed', passRate: 1 }),
      ]);
      const report = await request(server).get(`/api/eval/runs/${runId}/report.html`);
      expect(report.status).toBe(200);
      expect(report.text).toContain('JSON extraction of orders with response_format json_schema');

      const events = await readEvents(second, 'cut-off');
      expect(events).toEqual([
        {
          event: 'done',
          data: { runId: 'cut-off', status: 'failed', summary: null, error: INTERRUPTED },
        },
      ]);
      const noReport = await request(server).get('/api/eval/runs/cut-off/report.html');
      expect(noReport.status).toBe(409);
      expect(noReport.body.message).toBe(
        `Run cut-off failed (${INTERRUPTED}), so it has no results.`,
      );
    } finally {
      await second.close();
    }
  });
});
