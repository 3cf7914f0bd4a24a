// The client adapter against real peers: the spawned stdio fixture (BUILT package) and the HTTP
// handler on a local port. No mocks between the adapter and the SDK. Failures: *.failures.test.ts.
import { AbortedError, TimeoutError } from '@repo/core';
import { afterEach, describe, expect, it } from 'vitest';
import { connectRecorded, ctx, local } from './__fixtures__/connect-recorded.js';
import { runCleanups, startToolsHttp } from './__fixtures__/test-servers.js';
import { testTools } from './__fixtures__/test-tools.mjs';
import { McpToolError } from './mcp-errors.js';

afterEach(runCleanups);

describe('connectMcpServers', () => {
  it('exposes the tools of stdio and HTTP servers, prefixing a clashing name', async () => {
    const http = await startToolsHttp('web');
    const { mcp, tool } = await connectRecorded({ mcpServers: { local, web: { url: http.url } } });

    const names = testTools.map((t) => t.name);
    expect(mcp.tools.map((t) => t.name)).toEqual([...names, ...names.map((n) => `web_${n}`)]);
    expect(tool('getCurrentWeather')).toMatchObject({
      description: '查询指定城市当前的天气',
      parameters: testTools[0]?.parameters,
    });
    expect(await tool('getCurrentWeather').execute({ cityName: '深圳' }, ctx)).toBe(
      '深圳：天气大风',
    );
    expect(await tool('web_getCurrentWeather').execute({ cityName: '杭州' }, ctx)).toBe(
      '杭州：天气大风',
    );
    expect(await tool('web_getForecast').execute({ city: '成都', days: 1 }, ctx)).toEqual({
      city: '成都',
      days: ['晴'],
    });
    expect(mcp.servers).toEqual([
      expect.objectContaining({
        name: 'local',
        transport: 'stdio',
        state: 'connected',
        tools: names,
      }),
      expect.objectContaining({
        name: 'web',
        transport: 'http',
        state: 'connected',
        serverInfo: { name: 'web', version: '2.0.0' },
      }),
    ]);
  });

  it('prefixes every tool with prefixToolNames', async () => {
    const http = await startToolsHttp('web');
    const { mcp } = await connectRecorded(
      { mcpServers: { web: { url: http.url } } },
      { prefixToolNames: true },
    );
    expect(mcp.tools.map((t) => t.name)).toEqual(testTools.map((t) => `web_${t.name}`));
  });

  it('throws the tool error text so the chat loop feeds it back', async () => {
    const http = await startToolsHttp('web');
    const { tool } = await connectRecorded({ mcpServers: { web: { url: http.url } } });
    const call = tool('failingTool').execute({}, ctx);
    await expect(call).rejects.toThrow(McpToolError);
    await expect(call).rejects.toMatchObject({
      message: '数据源不可用 (data source unavailable)',
      serverName: 'web',
      toolName: 'failingTool',
    });
  });

  it('connects with the token from headers, and skips a disabled server', async () => {
    const http = await startToolsHttp('web', { authToken: 'secret-token' });
    const { mcp } = await connectRecorded({
      mcpServers: {
        locked: { url: http.url, headers: { Authorization: 'Bearer secret-token' } },
        off: { command: 'never-run', disabled: true },
      },
    });
    expect(mcp.servers.map(({ name, state }) => [name, state])).toEqual([
      ['locked', 'connected'],
      ['off', 'disabled'],
    ]);
  });

  it('forwards stdio stderr tagged with the server name', async () => {
    const { lines, until } = await connectRecorded({ mcpServers: { local } });
    await until(() => lines.includes('[local] local ready'));
    expect(lines).toContain('[local] [local] info: serving MCP over stdio');
  });

  it('times out a slow call, and stops on an aborted signal', async () => {
    const http = await startToolsHttp('web');
    const { tool } = await connectRecorded(
      { mcpServers: { web: { url: http.url } } },
      { callTimeoutMs: 100 },
    );
    const slow = tool('wait').execute({ ms: 10_000 }, ctx);
    await expect(slow).rejects.toThrow(TimeoutError);
    await expect(slow).rejects.toThrow('MCP server "web" did not answer tool "wait" within 100 ms');

    const controller = new AbortController();
    const aborted = tool('wait').execute({ ms: 10_000 }, { ...ctx, signal: controller.signal });
    controller.abort();
    await expect(aborted).rejects.toThrow(AbortedError);
  });

  it('close() stops every child process and marks servers closed', async () => {
    const { mcp, tool } = await connectRecorded({ mcpServers: { local } });
    const pid = mcp.servers[0]?.pid;
    await mcp.close();
    await mcp.close();
    expect(mcp.servers[0]?.state).toBe('closed');
    expect(() => process.kill(pid!, 0)).toThrow(expect.objectContaining({ code: 'ESRCH' }));
    await expect(tool('echo').execute({ text: 'x' }, ctx)).rejects.toThrow(
      'MCP server "local" is unavailable: closed by the caller',
    );
  });
});
