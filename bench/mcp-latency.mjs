// The MCP half of the tools bench: `tools/call getCurrentWeather` over stdio and Streamable HTTP,
// through our adapter (connectMcpServers → core Tool) and through the official SDK Client used
// directly, all four interleaved call by call. Both servers run in child processes
// (mcp-weather-server.mjs), so only client-side work is charged to this process.
import { deepStrictEqual } from 'node:assert/strict';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { connectMcpServers, silentLogger } from '@repo/mcp';
import { startNode, summarise, trackPeakRss } from './lib.mjs';

const serverScript = new URL('./mcp-weather-server.mjs', import.meta.url).pathname;
const args = { city: 'Paris' };
const context = { toolCallId: 'bench', context: {}, messages: [] };

/** Opens a client; resolves with its connect time (initialize + tools/list) and a `call()`. */
const connectors = {
  async ours(transport, url) {
    const config =
      transport === 'stdio' ? { command: process.execPath, args: [serverScript] } : { url };
    const started = performance.now();
    const mcp = await connectMcpServers(
      { mcpServers: { weather: config } },
      { logger: silentLogger },
    );
    const connectMs = performance.now() - started;
    const status = mcp.servers[0];
    if (status.state !== 'connected') throw new Error(`ours over ${transport}: ${status.error}`);
    const tool = mcp.tools.find((t) => t.name === 'getCurrentWeather');
    return { connectMs, call: () => tool.execute(args, context), close: () => mcp.close() };
  },
  async 'raw SDK'(transport, url) {
    const started = performance.now();
    const client = new Client({ name: 'bench', version: '1.0.0' });
    await client.connect(
      transport === 'stdio'
        ? new StdioClientTransport({
            command: process.execPath,
            args: [serverScript],
            stderr: 'ignore',
          })
        : new StreamableHTTPClientTransport(new URL(url)),
    );
    await client.listTools();
    const connectMs = performance.now() - started;
    const call = async () => {
      const result = await client.callTool({ name: 'getCurrentWeather', arguments: args });
      if (result.isError) throw new Error(`raw SDK over ${transport}: ${result.content[0]?.text}`);
      return result.structuredContent;
    };
    return { connectMs, call, close: () => client.close() };
  },
};

export async function measureMcp({ calls, warmup, connects }) {
  const http = await startNode(serverScript, ['http'], { ready: /listening on (http:\/\/\S+)/ });
  const clients = [];
  try {
    const pairs = ['stdio', 'http'].flatMap((transport) =>
      Object.keys(connectors).map((name) => ({ name, transport, key: `${name} ${transport}` })),
    );
    const connectSamples = Object.fromEntries(pairs.map((p) => [p.key, []]));
    for (let i = 0; i < connects; i++) {
      // Rotated like the calls, so no pair always follows the same neighbour's close().
      for (let k = 0; k < pairs.length; k++) {
        const p = pairs[(i + k) % pairs.length];
        const client = await connectors[p.name](p.transport, http.match);
        connectSamples[p.key].push(client.connectMs);
        await client.close();
      }
      process.stderr.write(`\rtools bench: MCP connect ${i + 1}/${connects}`);
    }
    process.stderr.write('\n');
    for (const p of pairs)
      clients.push({ ...p, ...(await connectors[p.name](p.transport, http.match)) });

    // Same answer from all four, or the figures would be measuring something else.
    const expected = await clients[0].call();
    if (expected?.city !== 'Paris')
      throw new Error(`unexpected weather: ${JSON.stringify(expected)}`);
    for (const c of clients)
      deepStrictEqual(await c.call(), expected, `${c.key} answered differently`);
    for (const c of clients) for (let i = 0; i < warmup; i++) await c.call();

    const samples = Object.fromEntries(clients.map((c) => [c.key, []]));
    const memory = trackPeakRss();
    for (let i = 0; i < calls; i++) {
      for (let k = 0; k < clients.length; k++) {
        const c = clients[(i + k) % clients.length];
        const started = performance.now();
        await c.call();
        samples[c.key].push(performance.now() - started);
      }
      if (i % 250 === 249) process.stderr.write(`\rtools bench: MCP ${i + 1}/${calls} calls each `);
    }
    process.stderr.write('\n');
    const peakRssMiB = memory.stop();
    const rows = pairs.map((p) => ({
      client: p.name,
      transport: p.transport,
      connect: summarise(connectSamples[p.key]),
      call: summarise(samples[p.key]),
    }));
    const p50 = (key) => rows.find((r) => `${r.client} ${r.transport}` === key).call.p50;
    const ratios = {
      httpVsStdioOursP50: p50('ours http') / p50('ours stdio'),
      httpVsStdioRawP50: p50('raw SDK http') / p50('raw SDK stdio'),
      oursVsRawStdioP50: p50('ours stdio') / p50('raw SDK stdio'),
      oursVsRawHttpP50: p50('ours http') / p50('raw SDK http'),
    };
    return { rows, ratios, peakRssMiB };
  } finally {
    await Promise.all(clients.map((c) => c.close()));
    http.stop();
  }
}

export function printMcpTable(mcp) {
  console.table(
    mcp.rows.map((r) => ({
      'MCP tools/call': r.client,
      transport: r.transport,
      calls: r.call.n,
      'p50 ms': r.call.p50.toFixed(3),
      'p95 ms': r.call.p95.toFixed(3),
      'connect p50 ms': r.connect.p50.toFixed(1),
      'connect max ms': r.connect.p99.toFixed(1),
    })),
  );
  const m = mcp.ratios;
  console.log(
    `HTTP/stdio p50: ours ${m.httpVsStdioOursP50.toFixed(2)}×, raw SDK ${m.httpVsStdioRawP50.toFixed(2)}×; ` +
      `ours/raw SDK p50: stdio ${m.oursVsRawStdioP50.toFixed(3)}×, HTTP ${m.oursVsRawHttpP50.toFixed(3)}×; ` +
      `MCP peak RSS ${mcp.peakRssMiB.toFixed(0)} MiB`,
  );
}
