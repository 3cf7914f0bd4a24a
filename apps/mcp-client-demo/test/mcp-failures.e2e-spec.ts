// One good server next to broken ones: each failure is reported (status endpoint, health, with
// the reason) and the good server keeps answering. The seed's client could not even start.
import type { NestExpressApplication } from '@nestjs/platform-express';
import { parseSse } from '@repo/nest/testing';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { McpConnectionsService } from '../src/mcp/mcp-connections.service.js';
import { createTestApp, WEATHER_STDIO, whenConnected, askStream } from './create-test-app.js';
import { freePort } from '@repo/nest/testing';

const CRASHING = {
  command: process.execPath,
  args: ['-e', 'console.error("Error: AMAP_MAPS_API_KEY is not set"); process.exit(1)'],
};

let app: NestExpressApplication;
let mcp: McpConnectionsService;
beforeAll(async () => {
  ({ app, mcp } = await createTestApp({
    crashing: CRASHING,
    missing: { command: 'no-such-mcp-server-3004' },
    weather: WEATHER_STDIO,
    unreachable: { url: `http://127.0.0.1:${await freePort()}/mcp`, timeoutMs: 5000 },
  }));
  await whenConnected(mcp);
});
afterAll(() => app.close());

const askBeijing = () =>
  request(app.getHttpServer()).get('/api/chat/ai').query({ userInput: '北京天气怎么样？' });

describe('a broken server next to a good one', () => {
  it('/api/mcp/servers says which failed and why', async () => {
    const { body } = await request(app.getHttpServer()).get('/api/mcp/servers');
    const byName = Object.fromEntries(
      (body.servers as Array<{ name: string }>).map((server) => [server.name, server]),
    );
    expect(Object.keys(byName)).toEqual(['crashing', 'missing', 'weather', 'unreachable']);
    expect(byName['crashing']).toMatchObject({
      state: 'failed',
      tools: [],
      error: expect.stringContaining('(stderr: Error: AMAP_MAPS_API_KEY is not set)'),
    });
    expect(byName['missing']).toMatchObject({
      state: 'failed',
      error: expect.stringMatching(/^command not found \(.*ENOENT\); check "command" and PATH$/),
    });
    expect(byName['unreachable']).toMatchObject({
      transport: 'http',
      state: 'failed',
      error: expect.stringContaining('ECONNREFUSED'),
    });
    expect(byName['weather']).toMatchObject({ state: 'connected', tools: ['getCurrentWeather'] });
  });

  it('the good server keeps answering; /health stays up and lists the states', async () => {
    const res = await askBeijing();
    expect(res.status).toBe(200);
    expect(res.text).toMatch(
      /^根据工具结果：getCurrentWeather → \{"city":"北京","temperature":18,/,
    );
    // The answer itself says which servers it had to do without, and why.
    expect(splitHeader(res.headers['x-mcp-unavailable'])).toEqual([
      expect.stringMatching(
        /^"crashing";state=failed;reason=".*\(stderr: Error: AMAP_MAPS_API_KEY is not set\)"$/,
      ),
      expect.stringMatching(
        /^"missing";state=failed;reason="command not found \(.*ENOENT\); check \\"command\\" and PATH"$/,
      ),
      expect.stringMatching(
        /^"unreachable";state=failed;reason="fetch failed \(connect ECONNREFUSED 127\.0\.0\.1:\d+\)"$/,
      ),
    ]);
    const health = await request(app.getHttpServer()).get('/health');
    expect(health.status).toBe(200);
    expect(health.body.info.mcp.servers).toEqual({
      crashing: 'failed',
      missing: 'failed',
      weather: 'connected',
      unreachable: 'failed',
    });
  });

  it('a stream says so first, in a warning event with each reason, then answers', async () => {
    const res = await askStream(app, '北京天气怎么样？');
    expect(res.status).toBe(200);
    expect(
      splitHeader(res.headers['x-mcp-unavailable']).map((entry) => entry.split(';')[0]),
    ).toEqual(['"crashing"', '"missing"', '"unreachable"']);
    const events = parseSse(res.body as string);
    const reasons = Object.fromEntries(mcp.servers().map((server) => [server.name, server.error]));
    expect(events[0]).toEqual({
      event: 'warning',
      data: {
        unavailableServers: [
          { name: 'crashing', state: 'failed', reason: reasons['crashing'] },
          { name: 'missing', state: 'failed', reason: reasons['missing'] },
          { name: 'unreachable', state: 'failed', reason: reasons['unreachable'] },
        ],
      },
    });
    expect(events[0]?.data).toMatchObject({
      unavailableServers: [
        { reason: expect.stringContaining('AMAP_MAPS_API_KEY is not set') },
        { reason: expect.stringMatching(/^command not found/) },
        { reason: expect.stringContaining('ECONNREFUSED') },
      ],
    });
    expect(events[1]).toMatchObject({ event: 'tool', data: { name: 'getCurrentWeather' } });
    expect(events.at(-1)?.event).toBe('done');
  });

  it('a server that drops is reported; its tool answers the model with the reason', async () => {
    const pid = mcp.servers().find((server) => server.name === 'weather')?.pid;
    expect(pid).toBeGreaterThan(0);
    process.kill(pid!, 'SIGKILL');
    await expect
      .poll(() => mcp.servers().find((server) => server.name === 'weather')?.error)
      .toMatch(/^the connection closed/);
    const { body } = await request(app.getHttpServer()).get('/api/mcp/servers');
    expect(body.servers[2]).toMatchObject({ name: 'weather', state: 'disconnected' });

    const res = await askBeijing();
    expect(res.status).toBe(200);
    expect(res.text).toMatch(
      /^根据工具结果：getCurrentWeather → Tool "getCurrentWeather" failed: MCP server "weather" is unavailable: the connection closed/,
    );
    const weather = splitHeader(res.headers['x-mcp-unavailable']).find((entry) =>
      entry.startsWith('"weather"'),
    );
    expect(weather).toMatch(/^"weather";state=disconnected;reason="the connection closed/);
  });
});

/** The header's list members (a comma inside a quoted reason is not a separator). */
function splitHeader(value: string | undefined): string[] {
  return value?.match(/(?:[^,"]|"(?:[^"\\]|\\.)*")+/g)?.map((entry) => entry.trim()) ?? [];
}
