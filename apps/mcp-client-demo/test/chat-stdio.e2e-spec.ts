// GET /api/chat/ai with the shipped mcp.json: the weather server spawned over stdio (the real,
// built apps/mcp-weather-server), its tool discovered and run by the embedded model.
import type { NestExpressApplication } from '@nestjs/platform-express';
import { parseSse } from '@repo/nest/testing';
import type { ModelRegistry } from '@repo/providers';
import request from 'supertest';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { McpConnectionsService } from '../src/mcp/mcp-connections.service.js';
import { createTestApp, sentMessages, whenConnected, askStream } from './create-test-app.js';

const BEIJING =
  '{"city":"北京","temperature":18,"unit":"C","condition":"晴","humidity":35,"windKph":12}';
const PARIS =
  '{"city":"Paris","temperature":21,"unit":"C","condition":"Sunny","humidity":50,"windKph":10}';
const LONDON =
  '{"city":"London","temperature":15,"unit":"C","condition":"Light rain","humidity":76,"windKph":18}';

let app: NestExpressApplication;
let registry: ModelRegistry;
let mcp: McpConnectionsService;
beforeAll(async () => ({ app, registry, mcp } = await createTestApp(undefined)));
beforeEach(() => registry.localLlm().reset());
afterAll(() => app.close());

const ask = (userInput: string) =>
  request(app.getHttpServer()).get('/api/chat/ai').query({ userInput });

describe('GET /api/chat/ai with the shipped mcp.json', () => {
  it('北京天气怎么样？ calls getCurrentWeather over MCP and answers in Chinese', async () => {
    const res = await ask('北京天气怎么样？');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(res.headers['x-ai-provider']).toBe('local');
    // Every server the config enables is up (amap-maps is disabled by the config, not missing).
    expect(res.headers['x-mcp-unavailable']).toBeUndefined();
    expect(res.text).toBe(`根据工具结果：getCurrentWeather → ${BEIJING}。`);

    // What the model was sent: the tool as the MCP server describes it, then its result.
    const [first, second] = registry.localLlm().requests();
    const tools = (first?.body as { tools: Array<{ function: Record<string, unknown> }> }).tools;
    expect(tools.map((tool) => tool.function['name'])).toEqual(['getCurrentWeather']);
    expect(tools[0]?.function['parameters']).toMatchObject({
      type: 'object',
      required: ['city'],
      properties: { city: { type: 'string' }, unit: { enum: ['C', 'F'] } },
    });
    expect(sentMessages(registry)[0]).toEqual([{ role: 'user', content: '北京天气怎么样？' }]);
    expect(second?.body).toMatchObject({
      messages: [
        { role: 'user' },
        { role: 'assistant', tool_calls: [{ function: { name: 'getCurrentWeather' } }] },
        { role: 'tool', content: BEIJING },
      ],
    });
  });

  it('streams the same answer as SSE, with no warning when every server is up', async () => {
    const res = await askStream(app, '北京天气怎么样？');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/event-stream');
    expect(res.headers['x-ai-provider']).toBe('local');
    expect(res.headers['x-mcp-unavailable']).toBeUndefined();
    const events = parseSse(res.body as string);
    expect(events.map((e) => e.event)).not.toContain('warning');
    expect(events[0]).toMatchObject({
      event: 'tool',
      data: { name: 'getCurrentWeather', arguments: { city: '北京' } },
    });
    const text = events.flatMap((e) =>
      e.event === 'delta' ? [(e.data as { text: string }).text] : [],
    );
    expect(text.join('')).toBe(`根据工具结果：getCurrentWeather → ${BEIJING}。`);
    expect(events.at(-1)).toEqual({
      event: 'done',
      data: { finishReason: 'stop', provider: 'local', model: 'local' },
    });
  });

  it('two cities in English make two calls in one turn', async () => {
    const res = await ask('What is the weather in Paris and London?');
    expect(res.text).toBe(
      `Based on the tool results: getCurrentWeather → ${PARIS}; getCurrentWeather → ${LONDON}.`,
    );
    expect(registry.localLlm().requests()).toHaveLength(2);
  });

  it('a question no tool matches is answered without a tool call', async () => {
    const res = await ask('Hello!');
    expect(res.text).toBe('[local-llm] This is the offline local model. You said: "Hello!"');
    expect(registry.localLlm().requests()).toHaveLength(1);
  });

  it('a missing or blank userInput is a 400 naming the field (the seed answered 500)', async () => {
    const missing = await request(app.getHttpServer()).get('/api/chat/ai');
    expect(missing.status).toBe(400);
    expect(missing.body.details).toEqual([{ field: 'userInput', reason: 'is required' }]);
    const blank = await ask('   ');
    expect(blank.status).toBe(400);
    expect(blank.body.details[0].field).toBe('userInput');
    expect(registry.localLlm().requests()).toHaveLength(0);
  });
});

describe('status', () => {
  it('/api/mcp/servers lists the weather server and the disabled amap one, without pids', async () => {
    await whenConnected(mcp);
    const res = await request(app.getHttpServer()).get('/api/mcp/servers');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      servers: [
        {
          name: 'weather',
          transport: 'stdio',
          state: 'connected',
          tools: ['getCurrentWeather'],
          serverInfo: { name: 'weather-mcp-server', version: '1.0.0' },
        },
        { name: 'amap-maps', transport: 'stdio', state: 'disabled', tools: [] },
      ],
    });
  });

  it('/health reports the model and each MCP server state', async () => {
    const res = await request(app.getHttpServer()).get('/health');
    expect(res.status).toBe(200);
    expect(res.body.info.mcp).toEqual({
      status: 'up',
      servers: { weather: 'connected', 'amap-maps': 'disabled' },
    });
    expect(res.body.info.ai).toMatchObject({ status: 'up', provider: 'local' });
  });
});

describe('lifecycle', () => {
  it('closing the app stops the server process it spawned', async () => {
    const own = await createTestApp(undefined);
    await whenConnected(own.mcp);
    const pid = own.mcp.servers()[0]?.pid;
    expect(pid).toBeGreaterThan(0);
    expect(isAlive(pid!)).toBe(true);
    await own.app.close();
    expect(isAlive(pid!)).toBe(false);
    expect(own.mcp.servers()[0]).toMatchObject({ state: 'closed', error: 'closed by the caller' });
  });
});

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
