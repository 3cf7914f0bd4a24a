// The stdio entry as a client spawns it: the SDK's StdioClientTransport against the BUILT
// dist/stdio.js (turbo builds before testing; after editing src run `npm run build` first) and
// the committed bin shim, then a raw child process to prove stdout carries JSON-RPC only while
// the server logs, that Nest is never loaded, and that the server exits by itself when its client
// goes away.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { afterEach, describe, expect, it } from 'vitest';
import { BEIJING, PARIS_F } from './weather-fixtures.js';

const appDir = fileURLToPath(new URL('..', import.meta.url));
const cleanups: Array<() => Promise<unknown> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe.each(['dist/stdio.js', 'bin/mcp-weather-server.js'])(
  'SDK client over stdio: %s',
  (entry) => {
    it('initializes, lists and calls getCurrentWeather; closing the client ends the process', async () => {
      const transport = new StdioClientTransport({
        command: process.execPath,
        args: [entry],
        cwd: appDir,
        stderr: 'pipe', // the server's log lines; inherited they would clutter the test output
      });
      const client = new Client({ name: 'e2e', version: '1.0.0' });
      cleanups.push(() => client.close());
      await client.connect(transport);
      const pid = transport.pid!;
      expect(client.getServerVersion()).toEqual({ name: 'weather-mcp-server', version: '1.0.0' });
      const { tools } = await client.listTools();
      expect(tools.map((tool) => tool.name)).toEqual(['getCurrentWeather']);
      const beijing = await client.callTool({
        name: 'getCurrentWeather',
        arguments: { city: '北京' },
      });
      expect(beijing.structuredContent).toEqual(BEIJING);

      await client.close();
      expect(isAlive(pid)).toBe(false);
    });
  },
);

// Makes a process report, on exit, how many files of Nest it loaded (see the fixture).
const REPORT_NEST = ['--import', './test/fixtures/report-nest-modules.mjs'];

/** Spawns dist/stdio.js and collects its stdout lines and stderr text. */
function spawnServer() {
  const child = spawn(process.execPath, [...REPORT_NEST, 'dist/stdio.js'], {
    cwd: appDir,
    stdio: 'pipe',
  });
  cleanups.push(() => void (child.exitCode === null && child.kill('SIGKILL')));
  const stdout: string[] = [];
  let pending = '';
  let stderr = '';
  const waiters = new Map<number, () => void>();
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    const lines = (pending + chunk).split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) {
      stdout.push(line);
      const id = (JSON.parse(line) as { id?: number }).id;
      if (id !== undefined) waiters.get(id)?.();
    }
  });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const send = (message: object) => child.stdin.write(`${JSON.stringify(message)}\n`);
  const answer = (id: number) => new Promise<void>((resolve) => waiters.set(id, resolve));
  return { child, stdout, send, answer, stderr: () => stderr, rest: () => pending };
}

describe('stdout purity', () => {
  it('every stdout line is JSON-RPC while the server logs calls and failures to stderr', async () => {
    const server = spawnServer();
    const answered = Promise.all([1, 2, 3, 4].map(server.answer));
    server.send({
      jsonrpc: '2.0',
      id: 1,
      method: 'initialize',
      params: {
        protocolVersion: '2025-06-18',
        capabilities: {},
        clientInfo: { name: 'raw', version: '1' },
      },
    });
    server.send({ jsonrpc: '2.0', method: 'notifications/initialized' });
    server.send({ jsonrpc: '2.0', id: 2, method: 'tools/list' });
    const call = (id: number, args: object) =>
      server.send({
        jsonrpc: '2.0',
        id,
        method: 'tools/call',
        params: { name: 'getCurrentWeather', arguments: args },
      });
    call(3, { city: 'Paris', unit: 'F' });
    call(4, { city: 'Atlantis' });
    await answered;
    server.child.stdin.end(); // the client going away
    const [code] = await once(server.child, 'exit');

    expect(code).toBe(0);
    expect(server.rest()).toBe('');
    const messages = server.stdout.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(messages).toHaveLength(4);
    for (const message of messages) expect(message).toMatchObject({ jsonrpc: '2.0' });
    expect(messages.map((message) => message['id'])).toEqual([1, 2, 3, 4]);
    expect(messages[2]).toMatchObject({ result: { structuredContent: PARIS_F } });
    expect(messages[3]).toMatchObject({ result: { isError: true } });
    // The logging happened, on stderr: the seed's Spring banner and logs went to stdout.
    expect(server.stderr()).toContain('[weather-mcp-server] info: serving MCP over stdio');
    // Calls and failures by name and kind; never the arguments' values (they come from users).
    expect(server.stderr()).toContain('getCurrentWeather called (arguments: city, unit; 27 bytes)');
    expect(server.stderr()).toContain('tool "getCurrentWeather" failed (UnknownCityError)');
    expect(server.stderr()).not.toMatch(/Paris|Atlantis/);
    expect(server.stderr()).toContain('stdio server closed');
    // Nest never loaded: its logger would write to stdout.
    expect(server.stderr()).toContain('nest-modules-loaded: 0\n');
  });

  it('the Nest count is real: the HTTP app module loads hundreds of Nest files', async () => {
    const child = spawn(
      process.execPath,
      [...REPORT_NEST, '--input-type=module', '-e', "import './dist/app.module.js';"],
      { cwd: appDir, stdio: ['ignore', 'ignore', 'pipe'] },
    );
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    await once(child, 'exit');
    expect(Number(/nest-modules-loaded: (\d+)/.exec(stderr)?.[1])).toBeGreaterThan(100);
  });
});
