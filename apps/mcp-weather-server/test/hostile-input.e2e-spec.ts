// /mcp against hostile input (@repo/nest/testing's bad-input suite): the MCP SDK answers in
// JSON-RPC's error shape rather than DESIGN's (a 4xx, or in a 200 as JSON-RPC says), so what is
// checked is "never a 5xx, every invalid request refused, /health survives"; the weather tool's
// own arguments go through the mutations too.
import type { NestExpressApplication } from '@nestjs/platform-express';
import { checkBadInputs, type SampleRequest } from '@repo/nest/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from './create-test-app.js';

const MCP_HEADERS = { accept: 'application/json, text/event-stream' };

const SAMPLES: SampleRequest[] = [
  {
    method: 'POST',
    path: '/mcp',
    headers: MCP_HEADERS,
    body: { jsonrpc: '2.0', id: 1, method: 'tools/list' },
    anyType: ['id'],
  },
  {
    method: 'POST',
    path: '/mcp',
    headers: MCP_HEADERS,
    body: {
      jsonrpc: '2.0',
      id: 2,
      method: 'tools/call',
      params: { name: 'getCurrentWeather', arguments: { cityName: '北京' } },
    },
    anyType: ['id'],
  },
];

let app: NestExpressApplication;
beforeAll(async () => (app = await createTestApp()));
afterAll(() => app.close());

describe('hostile input', () => {
  it('never answers 5xx; invalid requests are 4xx; /health survives', async () => {
    const report = await checkBadInputs(app.getHttpServer(), SAMPLES, {
      errorBody: false,
      // JSON-RPC errors and failed tool calls come back in a 200, as the protocol says.
      refusedInBand: ({ text }) => /"error":\{"code":-?\d+|"isError":true/.test(text),
    });
    expect(report.failures).toEqual([]);
    expect(report.sent).toBeGreaterThan(100);
  });
});
