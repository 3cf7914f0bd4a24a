// /mcp driven by the official SDK client as an independent peer, over a real socket: initialize,
// tools/list, tools/call (results, tool errors, bad arguments, unknown tool), then the request
// checks the handler makes before MCP: bearer token, Host header, method and Accept.
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import {
  StreamableHTTPClientTransport,
  StreamableHTTPError,
} from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { checkExposure } from '@repo/nest';
import request from 'supertest';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { parseAppConfig } from '../src/app-config.js';
import { createTestApp, listen, TEST_TOKEN } from './create-test-app.js';
import { BEIJING, PARIS_F } from './weather-fixtures.js';

const clients: Client[] = [];
afterEach(async () => {
  await Promise.all(clients.splice(0).map((client) => client.close()));
});

async function connect(url: URL, headers?: Record<string, string>): Promise<Client> {
  const client = new Client({ name: 'e2e', version: '1.0.0' });
  const transport = new StreamableHTTPClientTransport(
    url,
    headers ? { requestInit: { headers } } : {},
  );
  clients.push(client);
  await client.connect(transport);
  return client;
}

describe('MCP over Streamable HTTP (no token)', () => {
  let app: NestExpressApplication;
  let url: URL;
  beforeAll(async () => {
    app = await createTestApp();
    url = await listen(app);
  });
  afterAll(() => app.close());

  it('initializes as weather-mcp-server and lists getCurrentWeather with its schema', async () => {
    const client = await connect(url);
    expect(client.getServerVersion()).toEqual({ name: 'weather-mcp-server', version: '1.0.0' });
    expect(client.getServerCapabilities()).toEqual({ tools: {} });
    const { tools } = await client.listTools();
    expect(tools.map((tool) => tool.name)).toEqual(['getCurrentWeather']);
    expect(tools[0]?.inputSchema).toMatchObject({
      type: 'object',
      properties: { city: { type: 'string' }, unit: { enum: ['C', 'F'] } },
      required: ['city'],
    });
  });

  it('calls the tool: structured content plus the same JSON as text, Chinese kept', async () => {
    const client = await connect(url);
    const result = (await client.callTool({
      name: 'getCurrentWeather',
      arguments: { city: '北京' },
    })) as CallToolResult;
    expect(result.isError).toBeUndefined();
    expect(result.structuredContent).toEqual(BEIJING);
    expect(result.content).toEqual([{ type: 'text', text: JSON.stringify(BEIJING) }]);
    const paris = await client.callTool({
      name: 'getCurrentWeather',
      arguments: { city: 'Paris', unit: 'F' },
    });
    expect(paris.structuredContent).toEqual(PARIS_F);
  });

  it('a failing tool and bad arguments are isError results the model can read', async () => {
    const client = await connect(url);
    const unknown = (await client.callTool({
      name: 'getCurrentWeather',
      arguments: { city: 'Atlantis' },
    })) as CallToolResult;
    expect(unknown.isError).toBe(true);
    expect(unknown.content[0]).toMatchObject({
      type: 'text',
      text: expect.stringMatching(/^No data for the city "Atlantis"\. Known cities: Beijing/),
    });
    const bad = (await client.callTool({
      name: 'getCurrentWeather',
      arguments: { city: 42, unit: 'K' },
    })) as CallToolResult;
    expect(bad.isError).toBe(true);
    expect(bad.content[0]).toMatchObject({
      text: expect.stringContaining('Invalid arguments for tool "getCurrentWeather"'),
    });
  });

  it('an unknown tool is a protocol error naming the available ones', async () => {
    const client = await connect(url);
    await expect(client.callTool({ name: 'getForecast', arguments: {} })).rejects.toThrow(
      /-32602.*Unknown tool "getForecast"\. Available tools: getCurrentWeather/,
    );
  });

  it('stateless: GET (no SSE stream) is 405; a client that omits text/event-stream is 406', async () => {
    const get = await request(app.getHttpServer()).get('/mcp');
    expect(get.status).toBe(405);
    expect(get.headers['allow']).toBe('POST');
    const jsonOnly = await request(app.getHttpServer())
      .post('/mcp')
      .set('Accept', 'application/json')
      .send({ jsonrpc: '2.0', id: 1, method: 'tools/list' });
    expect(jsonOnly.status).toBe(406);
    expect(jsonOnly.body.error.message).toMatch(
      /must accept both application\/json and text\/event-stream/,
    );
  });

  it('accepts loopback Host names only (DNS rebinding), unless MCP_ALLOWED_HOSTS says otherwise', async () => {
    const list = { jsonrpc: '2.0', id: 1, method: 'tools/list' };
    const post = (target: NestExpressApplication, host: string) =>
      request(target.getHttpServer())
        .post('/mcp')
        .set('Host', host)
        .set('Accept', 'application/json, text/event-stream')
        .send(list);
    const evil = await post(app, 'evil.example:3003');
    expect(evil.status).toBe(403);
    expect(evil.body).toMatchObject({
      statusCode: 403,
      error: 'Forbidden',
      message: 'Host "evil.example:3003" is not allowed',
    });
    expect((await post(app, 'localhost:3003')).status).toBe(200);
    const open = await createTestApp({ MCP_ALLOWED_HOSTS: '*' });
    try {
      expect((await post(open, 'evil.example:3003')).status).toBe(200);
    } finally {
      await open.close();
    }
  });
});

describe('MCP over Streamable HTTP with MCP_AUTH_TOKEN', () => {
  let app: NestExpressApplication;
  let url: URL;
  beforeAll(async () => {
    app = await createTestApp({ MCP_AUTH_TOKEN: TEST_TOKEN });
    url = await listen(app);
  });
  afterAll(() => app.close());

  it('the SDK client without the token is refused with 401 before any MCP work', async () => {
    const error = await connect(url).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(StreamableHTTPError);
    expect((error as StreamableHTTPError).code).toBe(401);
  });

  it('401 bodies say what is missing, with WWW-Authenticate; the token is never echoed', async () => {
    const missing = await request(app.getHttpServer()).post('/mcp').send({});
    expect(missing.status).toBe(401);
    expect(missing.headers['www-authenticate']).toBe('Bearer realm="mcp"');
    expect(missing.body.message).toBe('Missing bearer token: send Authorization: Bearer <token>');
    const wrong = await request(app.getHttpServer())
      .post('/mcp')
      .set('Authorization', `Bearer ${TEST_TOKEN}x`)
      .send({});
    expect(wrong.status).toBe(401);
    expect(wrong.headers['www-authenticate']).toBe('Bearer realm="mcp", error="invalid_token"');
    expect(wrong.body.message).toBe('Invalid bearer token');
    expect(JSON.stringify(wrong.body)).not.toContain(TEST_TOKEN);
  });

  it('the SDK client with the bearer token gets 200s: list and call work', async () => {
    const client = await connect(url, { Authorization: `Bearer ${TEST_TOKEN}` });
    expect((await client.listTools()).tools.map((tool) => tool.name)).toEqual([
      'getCurrentWeather',
    ]);
    const result = await client.callTool({
      name: 'getCurrentWeather',
      arguments: { city: '北京' },
    });
    expect(result.structuredContent).toEqual(BEIJING);
  });
});

describe('config', () => {
  it('a short MCP_AUTH_TOKEN stops the boot, naming the variable and not the value', () => {
    expect(() => parseAppConfig({ MCP_AUTH_TOKEN: 'hunter2' })).toThrow(
      'Invalid configuration:\n  - MCP_AUTH_TOKEN: must be at least 16 characters (or empty for no token)',
    );
    expect(() => parseAppConfig({ MCP_AUTH_TOKEN: 'hunter2' })).not.toThrow(/hunter2/);
  });

  it('an empty MCP_AUTH_TOKEN means no token; HOST=0.0.0.0 accepts any Host', () => {
    const config = parseAppConfig({ MCP_AUTH_TOKEN: '', HOST: '0.0.0.0' });
    expect(config).toEqual({
      PORT: 3003,
      HOST: '0.0.0.0',
      TRUSTED_NETWORK: false,
      HTTP_MAX_IN_FLIGHT: 64,
      HTTP_MAX_QUEUED: 256,
      API_TOKEN: undefined,
      MCP_AUTH_TOKEN: undefined,
      MCP_ALLOWED_HOSTS: undefined,
    });
    // …and without any token it would not start there (see @repo/nest's checkExposure).
    expect(() => checkExposure(config)).toThrow(/HOST=0\.0\.0\.0 listens beyond this machine/);
  });

  it('either token guards /mcp and lets the server listen beyond loopback', () => {
    const token = 'api-token-0123456789';
    const fromApi = parseAppConfig({ API_TOKEN: token, HOST: '0.0.0.0' });
    expect([fromApi.API_TOKEN, fromApi.MCP_AUTH_TOKEN]).toEqual([token, token]);
    const fromMcp = parseAppConfig({ MCP_AUTH_TOKEN: token, HOST: '0.0.0.0' });
    expect([fromMcp.API_TOKEN, fromMcp.MCP_AUTH_TOKEN]).toEqual([token, token]);
    expect(() => checkExposure(fromMcp)).not.toThrow();
  });
});
