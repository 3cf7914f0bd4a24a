// Servers that fail to start, time out, refuse us or drop mid-session: each is reported with a
// reason, and the other servers keep working.
import { afterEach, describe, expect, it } from 'vitest';
import { connectRecorded, ctx, local } from './__fixtures__/connect-recorded.js';
import { runCleanups, startToolsHttp } from './__fixtures__/test-servers.js';
import { McpServerUnavailableError } from './mcp-errors.js';

afterEach(runCleanups);

describe('connectMcpServers when servers fail', () => {
  it('reports a server that cannot start and keeps the others', async () => {
    const http = await startToolsHttp('web');
    const { mcp, tool, lines } = await connectRecorded({
      mcpServers: {
        missing: { command: 'definitely-not-an-mcp-server' },
        crashing: {
          command: process.execPath,
          args: ['-e', 'console.error("boom: no API key"); process.exit(3)'],
        },
        web: { url: http.url },
      },
    });
    expect(mcp.servers.map(({ name, state, error }) => ({ name, state, error }))).toEqual([
      {
        name: 'missing',
        state: 'failed',
        error:
          'command not found (spawn definitely-not-an-mcp-server ENOENT); check "command" and PATH',
      },
      {
        name: 'crashing',
        state: 'failed',
        error: 'the connection closed (stderr: boom: no API key)',
      },
      { name: 'web', state: 'connected', error: undefined },
    ]);
    expect(lines).toContain('[crashing] boom: no API key');
    expect(lines).toContain(
      'MCP server "crashing" failed: the connection closed (stderr: boom: no API key)',
    );
    expect(await tool('echo').execute({ text: 'fine' }, ctx)).toBe('fine');
  });

  it('fails a server that does not answer within the timeout, and one refusing the token', async () => {
    const http = await startToolsHttp('web', { authToken: 'secret-token' });
    const { mcp } = await connectRecorded({
      mcpServers: {
        silent: {
          command: process.execPath,
          args: ['-e', 'process.stdin.resume()'],
          timeoutMs: 300,
        },
        locked: { url: http.url },
      },
    });
    expect(mcp.servers.map(({ state, error }) => ({ state, error }))).toEqual([
      { state: 'failed', error: 'no answer within 300 ms' },
      {
        state: 'failed',
        error: `HTTP 401: the server refused the credentials; check this server's "headers"`,
      },
    ]);
  });

  it('reports a server that drops mid-session; its tools say unavailable, others keep working', async () => {
    const http = await startToolsHttp('web');
    const { mcp, tool, until, stateOf, changes } = await connectRecorded({
      mcpServers: { local, web: { url: http.url } },
    });
    const pid = mcp.servers[0]?.pid;
    expect(pid).toBeTypeOf('number');

    process.kill(pid!, 'SIGKILL');
    await until(() => changes.some((c) => c.name === 'local' && c.state === 'disconnected'));

    expect(stateOf('local')).toBe('disconnected');
    expect(mcp.servers[0]?.error).toBe('the connection closed');
    const call = tool('echo').execute({ text: 'hello' }, ctx);
    await expect(call).rejects.toThrow(McpServerUnavailableError);
    await expect(call).rejects.toThrow('MCP server "local" is unavailable: the connection closed');
    expect(await tool('web_echo').execute({ text: 'still up' }, ctx)).toBe('still up');
  });

  it('says unavailable when an HTTP server has gone away', async () => {
    const http = await startToolsHttp('web');
    const { tool } = await connectRecorded({ mcpServers: { web: { url: http.url } } });
    await http.close();
    // The reason from undici's `cause`: "other side closed" for a pooled socket, else ECONNREFUSED.
    await expect(tool('echo').execute({ text: 'x' }, ctx)).rejects.toThrow(
      /^MCP server "web" is unavailable: fetch failed \((other side closed|.*ECONNREFUSED.*)\)$/,
    );
  });
});
