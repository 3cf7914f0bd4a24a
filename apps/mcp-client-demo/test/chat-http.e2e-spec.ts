// The Streamable HTTP transport against the real weather server app (its built dist/main.js in
// its own process, with MCP_AUTH_TOKEN set): the token comes from the client's env through
// `${WEATHER_MCP_TOKEN}` in the config; a wrong token is reported as a failed server.
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_DIR, parseAppConfig } from '../src/app-config.js';
import type { McpConnectionsService } from '../src/mcp/mcp-connections.service.js';
import { createTestApp, whenConnected } from './create-test-app.js';
import { spawnApp } from '@repo/nest/testing';
import type { SpawnedApp } from '@repo/nest/testing';

const TOKEN = 'http-test-token-0123456789';
const weatherDir = fileURLToPath(new URL('../../mcp-weather-server/', import.meta.url));

let weather: SpawnedApp | undefined;
let app: NestExpressApplication | undefined;
let mcp: McpConnectionsService;
beforeAll(async () => {
  weather = await spawnApp('dist/main.js', { cwd: weatherDir, env: { MCP_AUTH_TOKEN: TOKEN } });
  const url = `${weather.url}/mcp`;
  const auth = { Authorization: 'Bearer ${WEATHER_MCP_TOKEN}' };
  ({ app, mcp } = await createTestApp(
    {
      'weather-http': { url, headers: auth },
      'wrong-token': { url, headers: { Authorization: 'Bearer not-the-token' } },
    },
    { WEATHER_MCP_TOKEN: TOKEN },
  ));
  await whenConnected(mcp);
});
afterAll(async () => {
  await app?.close();
  await weather?.stop();
});

describe('MCP over Streamable HTTP', () => {
  it('discovers the tool with the bearer token and reports the refused client', async () => {
    const { body } = await request(app!.getHttpServer()).get('/api/mcp/servers');
    expect(body.servers).toEqual([
      {
        name: 'weather-http',
        transport: 'http',
        state: 'connected',
        tools: ['getCurrentWeather'],
        serverInfo: { name: 'weather-mcp-server', version: '1.0.0' },
      },
      {
        name: 'wrong-token',
        transport: 'http',
        state: 'failed',
        tools: [],
        error: 'HTTP 401: the server refused the credentials; check this server\'s "headers"',
      },
    ]);
  });

  it('answers 北京天气怎么样？ through the HTTP server, which logs the call', async () => {
    const res = await request(app!.getHttpServer())
      .get('/api/chat/ai')
      .query({ userInput: '北京天气怎么样？' });
    expect(res.status).toBe(200);
    expect(res.text).toBe(
      '根据工具结果：getCurrentWeather → {"city":"北京","temperature":18,"unit":"C","condition":"晴","humidity":35,"windKph":12}。',
    );
    expect(weather!.output()).toContain('getCurrentWeather called (arguments: city; 17 bytes)');
    expect(weather!.output()).not.toContain('北京');
  });
});

describe('mcp.http.example.json', () => {
  it('points at the weather server on its port; an unset token leaves the header harmless', () => {
    const { mcp: loaded } = parseAppConfig({ MCP_CONFIG: 'mcp.http.example.json' });
    expect(loaded.source).toBe(join(APP_DIR, 'mcp.http.example.json'));
    expect(loaded.config.mcpServers).toEqual({
      'weather-http': {
        type: 'http',
        url: 'http://127.0.0.1:3003/mcp',
        headers: { Authorization: 'Bearer ' },
      },
    });
  });
});
