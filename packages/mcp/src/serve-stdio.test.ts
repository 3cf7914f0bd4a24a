// Spawns src/__fixtures__/stdio-server.mjs, which runs the BUILT package (turbo builds first).
import { spawn } from 'node:child_process';
import { PassThrough } from 'node:stream';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { afterEach, describe, expect, it } from 'vitest';
import { testTools } from './__fixtures__/test-tools.mjs';
import { initializeRequest, stdioServerScript } from './__fixtures__/test-servers.js';
import { serveStdio } from './serve-stdio.js';
import { silentLogger } from './stderr-logger.js';

let client: Client | undefined;
afterEach(async () => {
  await client?.close();
  client = undefined;
});

describe('serveStdio in a spawned process, driven by the SDK Client', () => {
  it('lists and calls tools, Chinese intact, a failing tool as isError', async () => {
    const transport = new StdioClientTransport({
      command: process.execPath,
      args: [stdioServerScript, 'weather'],
      stderr: 'pipe',
    });
    client = new Client({ name: 'test', version: '1.0.0' });
    await client.connect(transport);

    const { tools } = await client.listTools();
    expect(tools.map((tool) => tool.name)).toEqual(testTools.map((tool) => tool.name));
    expect(client.getServerVersion()).toMatchObject({ name: 'weather', version: '1.0.0' });

    const weather = await client.callTool({
      name: 'getCurrentWeather',
      arguments: { cityName: '北京' },
    });
    expect(weather.content).toEqual([{ type: 'text', text: '北京：天气大风' }]);

    // Far larger than a pipe chunk (64 KiB): multi-byte characters get split across chunks.
    const long = '天气大风，气温十五度。'.repeat(20_000);
    const echoed = await client.callTool({ name: 'echo', arguments: { text: long } });
    expect(echoed.content).toEqual([{ type: 'text', text: long }]);

    const failed = await client.callTool({ name: 'failingTool', arguments: {} });
    expect(failed).toMatchObject({
      isError: true,
      content: [{ type: 'text', text: '数据源不可用 (data source unavailable)' }],
    });
  });

  it('writes only JSON-RPC to stdout while the server and its tools log, and exits on EOF', async () => {
    const child = spawn(process.execPath, [stdioServerScript, 'weather'], { stdio: 'pipe' });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.once('close', resolve));

    const send = (message: object) => child.stdin.write(`${JSON.stringify(message)}\n`);
    send(initializeRequest);
    send({ jsonrpc: '2.0', method: 'notifications/initialized' });
    send({
      jsonrpc: '2.0',
      id: 2,
      method: 'tools/call',
      params: { name: 'getCurrentWeather', arguments: { cityName: '上海' } },
    });
    // Wait for both answers, then close stdin the way a client that exits does.
    await new Promise<void>((resolve) =>
      child.stdout.on('data', () => stdout.includes('"id":2') && resolve()),
    );
    child.stdin.end();
    expect(await exited).toBe(0);

    const lines = stdout.trimEnd().split('\n');
    const messages = lines.map((line) => JSON.parse(line) as { jsonrpc: string; id: number });
    expect(messages.map((message) => [message.jsonrpc, message.id])).toEqual([
      ['2.0', 1],
      ['2.0', 2],
    ]);
    expect(messages[1]).toEqual({
      jsonrpc: '2.0',
      id: 2,
      result: { content: [{ type: 'text', text: '上海：天气大风' }] },
    });
    // The logs happened, on stderr: the tool's console.log and the server's own lines.
    expect(stderr).toContain('查询天气：上海\n');
    expect(stderr).toContain('weather ready\n');
    expect(stderr).toContain('[weather] info: serving MCP over stdio\n');
  });
});

describe('serveStdio in process', () => {
  it('redirects console.log while serving and restores it on close', async () => {
    const stdin = new PassThrough();
    const stdout = new PassThrough();
    const original = console.log;
    const served = await serveStdio(
      { name: 'mem', version: '1', tools: testTools, logger: silentLogger },
      { stdin, stdout, logger: silentLogger },
    );
    expect(console.log).not.toBe(original);
    stdin.end();
    await served.closed;
    expect(console.log).toBe(original);
  });
});
