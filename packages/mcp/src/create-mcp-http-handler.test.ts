import type { IncomingMessage } from 'node:http';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { afterEach, describe, expect, it } from 'vitest';
import {
  cleanups,
  initializeRequest,
  runCleanups,
  startHttpServer,
  startToolsHttp,
} from './__fixtures__/test-servers.js';
import type { TestHttpServer } from './__fixtures__/test-servers.js';
import { testTools } from './__fixtures__/test-tools.mjs';
import { createMcpHttpHandler } from './create-mcp-http-handler.js';
import type { McpHttpOptions } from './create-mcp-http-handler.js';
import { silentLogger } from './stderr-logger.js';

const TOKEN = 'test-token-3f9a';
afterEach(runCleanups);

const start = (options: McpHttpOptions = {}): Promise<TestHttpServer> =>
  startToolsHttp('weather-http', options);

async function connect(url: string, headers: Record<string, string> = {}): Promise<Client> {
  const client = new Client({ name: 'test', version: '1.0.0' });
  await client.connect(
    new StreamableHTTPClientTransport(new URL(url), { requestInit: { headers } }),
  );
  cleanups.push(() => client.close());
  return client;
}

const post = (url: string, headers: Record<string, string> = {}) =>
  fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/json, text/event-stream',
      ...headers,
    },
    body: JSON.stringify(initializeRequest),
  });

describe('createMcpHttpHandler (stateless Streamable HTTP) with the SDK client', () => {
  it('lists and calls tools with Chinese intact, a failing tool as isError', async () => {
    const { url } = await start();
    const client = await connect(url);
    expect((await client.listTools()).tools.map((tool) => tool.name)).toContain(
      'getCurrentWeather',
    );
    const weather = await client.callTool({
      name: 'getCurrentWeather',
      arguments: { cityName: '广州' },
    });
    expect(weather.content).toEqual([{ type: 'text', text: '广州：天气大风' }]);
    const failed = await client.callTool({ name: 'failingTool', arguments: {} });
    expect(failed).toMatchObject({
      isError: true,
      content: [{ text: '数据源不可用 (data source unavailable)' }],
    });
  });

  it('also streams answers as SSE when jsonResponse is false', async () => {
    const { url } = await start({ jsonResponse: false });
    const res = await post(url);
    expect(res.headers.get('content-type')).toBe('text/event-stream');
    const client = await connect(url);
    const result = await client.callTool({ name: 'echo', arguments: { text: '你好' } });
    expect(result.content).toEqual([{ type: 'text', text: '你好' }]);
  });

  it('accepts a body the framework already parsed (NestJS / express)', async () => {
    const handler = createMcpHttpHandler({
      name: 'n',
      version: '1',
      tools: testTools,
      logger: silentLogger,
    });
    const server = await startHttpServer(async (req, res) => {
      // As express.json() leaves a POST: the stream consumed, the value on req.body.
      if (req.method === 'POST') Object.assign(req, { body: JSON.parse(await readBody(req)) });
      await handler(req, res);
    });
    cleanups.push(server.close);
    const client = await connect(server.url);
    expect(
      (await client.callTool({ name: 'echo', arguments: { text: '已解析' } })).content,
    ).toEqual([{ type: 'text', text: '已解析' }]);
  });

  it('answers GET and DELETE with 405, as stateless mode has no stream or session', async () => {
    const { url } = await start();
    for (const method of ['GET', 'DELETE']) {
      const res = await fetch(url, { method });
      expect(res.status).toBe(405);
      expect(res.headers.get('allow')).toBe('POST');
      expect(await res.json()).toEqual({
        jsonrpc: '2.0',
        error: { code: -32000, message: 'Method not allowed.' },
        id: null,
      });
    }
  });

  it('refuses a Host that is not allowed (DNS rebinding)', async () => {
    const { url } = await start({ allowedHosts: ['localhost'] });
    const res = await post(url);
    expect(res.status).toBe(403);
    expect(await res.json()).toEqual({
      statusCode: 403,
      error: 'Forbidden',
      message: `Host "${new URL(url).host}" is not allowed`,
      details: [{ field: 'host', reason: 'not in allowedHosts' }],
    });
  });
});

describe('createMcpHttpHandler bearer token', () => {
  it('answers 401 with a JSON body and WWW-Authenticate without a token', async () => {
    const { url } = await start({ authToken: TOKEN });
    const res = await post(url);
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toBe('Bearer realm="mcp"');
    expect(await res.json()).toEqual({
      statusCode: 401,
      error: 'Unauthorized',
      message: 'Missing bearer token: send Authorization: Bearer <token>',
      details: [],
    });
  });

  it('answers 401 invalid_token for a wrong token, without echoing either token', async () => {
    const { url } = await start({ authToken: TOKEN });
    const res = await post(url, { authorization: 'Bearer wrong-token' });
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toBe('Bearer realm="mcp", error="invalid_token"');
    const body = await res.text();
    expect(JSON.parse(body)).toEqual({
      statusCode: 401,
      error: 'Unauthorized',
      message: 'Invalid bearer token',
      details: [],
    });
    expect(body).not.toContain('wrong-token');
  });

  it('serves the SDK client that sends the token, and refuses the one that does not', async () => {
    const { url } = await start({ authToken: TOKEN });
    const client = await connect(url, { authorization: `Bearer ${TOKEN}` });
    const result = await client.callTool({ name: 'echo', arguments: { text: 'ok' } });
    expect(result.content).toEqual([{ type: 'text', text: 'ok' }]);
    await expect(connect(url)).rejects.toMatchObject({ code: 401 });
  });

  it('treats an empty token as no token (MCP_AUTH_TOKEN= in a .env file)', async () => {
    const { url } = await start({ authToken: '' });
    expect((await post(url)).status).toBe(200);
  });
});

async function readBody(req: IncomingMessage): Promise<string> {
  let text = '';
  for await (const chunk of req) text += String(chunk);
  return text;
}
