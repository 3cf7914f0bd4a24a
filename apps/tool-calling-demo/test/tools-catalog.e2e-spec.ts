// GET /api/tools (what the model sees) and POST /api/tools/run (one tool by hand, no model): the
// bundled files, the Chinese one included, and the file reader's refusals, deterministically.
import { fileURLToPath } from 'node:url';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { createTestApp, useTestApp } from './create-test-app.js';

const t = useTestApp();

const run = (name: string, args: Record<string, unknown>, context?: Record<string, unknown>) =>
  t.post('/api/tools/run', { name, arguments: args, ...(context ? { context } : {}) });

describe('GET /api/tools', () => {
  it('lists every tool with its JSON schema and returnDirect flag', async () => {
    const res = await request(t.app.getHttpServer()).get('/api/tools');
    expect(res.status).toBe(200);
    expect(
      res.body.map((tool: { name: string; returnDirect: boolean }) => [
        tool.name,
        tool.returnDirect,
      ]),
    ).toEqual([
      ['getCurrentWeather', false],
      ['getCurrentDateTime', false],
      ['calculate', false],
      ['readFile', false],
      ['listFiles', false],
      ['listMyOrders', false],
      ['trackParcel', true],
    ]);
    expect(res.body[6].parameters).toEqual({
      type: 'object',
      properties: {
        trackingNumber: {
          type: 'integer',
          exclusiveMinimum: 0,
          description: 'The tracking number, e.g. 1001',
        },
      },
      required: ['trackingNumber'],
    });
  });
});

describe('POST /api/tools/run', () => {
  it('reads a bundled file (UTF-8 Chinese) inside the root folder', async () => {
    const res = await run('readFile', { path: 'notes/shopping-list.md' });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      name: 'readFile',
      arguments: { path: 'notes/shopping-list.md' },
      result: {
        path: 'notes/shopping-list.md',
        bytes: 62,
        content: '# 购物清单\n\n- 牛奶\n- 龙井茶\n- 《Spring AI 实战》\n',
      },
      isError: false,
    });
  });

  it.each([
    [
      'the seed test’s absolute path',
      '/Users/glmapper/spring-ai-tool-calling/src/main/resources/application.properties',
      'is an absolute path',
    ],
    ['a way out of the root', '../package.json', 'leaves the root folder'],
    ['a hidden file', '.env', 'is a hidden file or folder'],
    ['a missing file', 'nothing.txt', 'No file or folder "nothing.txt"'],
  ])('refuses %s, as a result the model can read', async (_name, path, reason) => {
    const res = await run('readFile', { path });
    expect(res.status).toBe(200);
    expect(res.body.isError).toBe(true);
    expect(res.body.result).toMatch(/^Tool "readFile" failed: /);
    expect(res.body.result).toContain(reason);
    // The root's real location is never shown.
    expect(res.body.result).not.toContain('tool-calling-demo');
  });

  it('TOOLS_FILES_ROOT moves the shared folder', async () => {
    const other = await createTestApp({
      TOOLS_FILES_ROOT: fileURLToPath(new URL('../data/notes', import.meta.url)),
    });
    try {
      const res = await other.post('/api/tools/run', { name: 'listFiles', arguments: {} });
      expect(res.body.result.entries).toEqual([{ name: 'shopping-list.md', type: 'file' }]);
      const out = await other.post('/api/tools/run', {
        name: 'readFile',
        arguments: { path: '../welcome.txt' },
      });
      expect(out.body.result).toContain('leaves the root folder');
    } finally {
      await other.app.close();
    }
  });

  it('normalises a full-width calculation typed with a Chinese IME', async () => {
    const res = await run('calculate', { expression: '（１２＋３）×２' });
    expect(res.body.result).toEqual({ expression: '(12+3)*2', result: 30 });
  });

  it('passes tool context: the date-time tool in the user’s zone, the frozen clock', async () => {
    const res = await run('getCurrentDateTime', {}, { timeZone: 'Asia/Shanghai' });
    expect(res.body.result).toEqual({
      timeZone: 'Asia/Shanghai',
      iso: '2025-06-01T20:00:00+08:00',
      date: '2025-06-01',
      time: '20:00:00',
      weekday: 'Sunday',
      utcOffset: '+08:00',
    });
  });

  it("arguments that break the tool's schema are a 400 naming each one (the loop tells the model instead)", async () => {
    const res = await run('getCurrentWeather', { city: 42, unit: 'K' });
    expect(res.status).toBe(400);
    expect(res.body.details).toEqual([
      { field: 'arguments.city', reason: 'must be a string, not a number' },
      { field: 'arguments.unit', reason: 'must be one of: C, F' },
    ]);
    const empty = await run('calculate', {});
    expect(empty.body.details).toEqual([{ field: 'arguments.expression', reason: 'is required' }]);
  });

  it('an unknown tool is a 400 listing the valid names', async () => {
    const res = await run('rm', {});
    expect(res.status).toBe(400);
    expect(res.body.details).toEqual([
      {
        field: 'name',
        reason:
          'must be one of: getCurrentWeather, getCurrentDateTime, calculate, readFile, listFiles, listMyOrders, trackParcel',
      },
    ]);
  });
});
