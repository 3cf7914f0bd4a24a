import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InvalidInputError } from '@repo/core';
import { afterAll, describe, expect, it } from 'vitest';
import { loadMcpConfig, parseMcpConfig } from './mcp-config.js';
import { McpConfigError } from './mcp-errors.js';

/** The error parseMcpConfig throws for `value`, for asserting its data. */
function configErrorOf(value: unknown, env: Record<string, string> = {}): McpConfigError {
  try {
    parseMcpConfig(value, { env });
  } catch (error) {
    if (error instanceof McpConfigError) return error;
    throw error;
  }
  throw new Error('expected an McpConfigError');
}

describe('parseMcpConfig', () => {
  it('reads stdio and Streamable HTTP servers, filling in type and args', () => {
    const config = parseMcpConfig({
      mcpServers: {
        weather: { command: 'node', args: ['dist/stdio.js'], env: { LANG: 'zh_CN' }, cwd: '/srv' },
        remote: { url: 'http://127.0.0.1:3003/mcp', headers: { 'X-Team': '天气' } },
        cline: { type: 'streamableHttp', url: 'https://mcp.example.com/mcp', disabled: true },
        bare: { command: 'uvx', timeoutMs: 5000 },
      },
    });
    expect(config).toEqual({
      mcpServers: {
        weather: {
          type: 'stdio',
          command: 'node',
          args: ['dist/stdio.js'],
          env: { LANG: 'zh_CN' },
          cwd: '/srv',
        },
        remote: { type: 'http', url: 'http://127.0.0.1:3003/mcp', headers: { 'X-Team': '天气' } },
        cline: { type: 'http', url: 'https://mcp.example.com/mcp', disabled: true },
        bare: { type: 'stdio', command: 'uvx', args: [], timeoutMs: 5000 },
      },
    });
  });

  it('replaces ${VAR} and ${VAR:-default} from the given environment', () => {
    const config = parseMcpConfig(
      {
        mcpServers: {
          amap: {
            command: 'npx',
            args: ['-y', '${PKG:-@amap/amap-maps-mcp-server}'],
            env: { KEY: '${AMAP_KEY}' },
          },
          remote: { url: '${MCP_URL}', headers: { Authorization: 'Bearer ${MCP_TOKEN}' } },
        },
      },
      { env: { AMAP_KEY: 'k-123', MCP_URL: 'http://h:1/mcp', MCP_TOKEN: 't-456' } },
    );
    expect(config.mcpServers['amap']).toMatchObject({
      args: ['-y', '@amap/amap-maps-mcp-server'],
      env: { KEY: 'k-123' },
    });
    expect(config.mcpServers['remote']).toMatchObject({
      url: 'http://h:1/mcp',
      headers: { Authorization: 'Bearer t-456' },
    });
  });

  it('names the server, field and variable when a variable is missing', () => {
    const error = configErrorOf({
      mcpServers: { amap: { command: 'npx', env: { AMAP_MAPS_API_KEY: '${AMAP_KEY}' } } },
    });
    expect(error).toBeInstanceOf(InvalidInputError);
    expect(error.message).toBe(
      'Invalid MCP config: mcpServers.amap.env.AMAP_MAPS_API_KEY: environment variable AMAP_KEY is not set',
    );
    expect(error.code).toBe('mcp_config_invalid');
  });

  it('lists every problem at once, each with its server and field', () => {
    const error = configErrorOf({
      mcpServers: {
        a: { args: ['x'] },
        b: { command: 'node', url: 'http://x' },
        c: { command: 'node', args: 'server.js' },
        d: { url: 'ftp://files.example.com' },
        e: { type: 'sse', url: 'http://old.example.com/sse' },
        f: 'node server.js',
      },
    });
    expect(error.details).toEqual([
      { field: 'mcpServers.a', reason: 'missing "command" (stdio) or "url" (Streamable HTTP)' },
      {
        field: 'mcpServers.b',
        reason: 'give "command" (stdio) or "url" (Streamable HTTP), not both',
      },
      { field: 'mcpServers.c.args', reason: 'must be an array, not the string "server.js"' },
      { field: 'mcpServers.d.url', reason: 'expected an http(s) URL' },
      {
        field: 'mcpServers.e',
        reason:
          "the SSE transport is deprecated and not supported; use the server's Streamable HTTP URL",
      },
      {
        field: 'mcpServers.f',
        reason: 'expected an object with "command" (stdio) or "url" (Streamable HTTP)',
      },
    ]);
  });

  it('says what is missing at the root', () => {
    expect(configErrorOf({ servers: {} }).details).toEqual([
      { field: 'mcpServers', reason: 'is required' },
    ]);
  });
});

describe('loadMcpConfig', () => {
  const dirPromise = mkdtemp(join(tmpdir(), 'mcp-config-'));
  afterAll(async () => rm(await dirPromise, { recursive: true, force: true }));

  it('reads a file, or JSON text given inline', async () => {
    const path = join(await dirPromise, 'mcp.json');
    await writeFile(
      path,
      JSON.stringify({ mcpServers: { w: { url: 'http://127.0.0.1:3003/mcp' } } }),
    );
    const expected = { mcpServers: { w: { type: 'http', url: 'http://127.0.0.1:3003/mcp' } } };
    expect(await loadMcpConfig(path)).toEqual(expected);
    expect(
      await loadMcpConfig(' {"mcpServers":{"w":{"url":"http://127.0.0.1:3003/mcp"}}}'),
    ).toEqual(expected);
  });

  it('names the file that is missing or not JSON', async () => {
    const missing = join(await dirPromise, 'nope.json');
    await expect(loadMcpConfig(missing)).rejects.toMatchObject({
      message: `MCP config file not found: ${missing}`,
      source: missing,
    });
    const broken = join(await dirPromise, 'broken.json');
    await writeFile(broken, '{"mcpServers": {');
    await expect(loadMcpConfig(broken)).rejects.toThrow(`MCP config ${broken} is not valid JSON: `);
    await writeFile(broken, '{"mcpServers": {"w": {"command": 3}}}');
    await expect(loadMcpConfig(broken)).rejects.toThrow(
      `Invalid MCP config ${broken}: mcpServers.w.command: must be a string, not a number`,
    );
  });
});
