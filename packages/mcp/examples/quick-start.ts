// Quick start: serve a core Tool over MCP (Streamable HTTP, bearer token) on a local port, then
// connect to it from an mcp.json-style config and call it as a core Tool, as a chat loop would.
// Spring AI: spring-ai-starter-mcp-server-webmvc + spring-ai-starter-mcp-client.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createWeatherTool } from '@repo/tools';
import {
  connectMcpServers,
  createMcpHttpHandler,
  parseMcpConfig,
  silentLogger,
} from '../src/index.js';

// The sample weather tool of @repo/tools (bundled offline data), the one apps/mcp-weather-server serves.
const getCurrentWeather = createWeatherTool();

export async function main() {
  // Server side: what apps/mcp-weather-server mounts at /mcp (the app passes MCP_AUTH_TOKEN).
  const handler = createMcpHttpHandler({
    name: 'weather',
    version: '1.0.0',
    tools: [getCurrentWeather],
    authToken: 'demo-token',
    logger: silentLogger,
  });
  const http = createServer((req, res) => void handler(req, res));
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const { port } = http.address() as AddressInfo;

  // Client side: mcp.json as apps/mcp-client-demo reads it; the secret stays in the environment.
  const config = parseMcpConfig(
    {
      mcpServers: {
        weather: {
          url: `http://127.0.0.1:${port}/mcp`,
          headers: { Authorization: 'Bearer ${WEATHER_MCP_TOKEN}' },
        },
        broken: { command: 'no-such-mcp-server' },
      },
    },
    { env: { WEATHER_MCP_TOKEN: 'demo-token' } },
  );
  const mcp = await connectMcpServers(config, { logger: silentLogger });
  try {
    // mcp.tools are core Tools: pass them to createChatClient(model, { tools: mcp.tools }).
    const weather = mcp.tools.find((tool) => tool.name === 'getCurrentWeather');
    const answer = await weather?.execute(
      { city: '北京' },
      { toolCallId: 'call-1', context: {}, messages: [] },
    );
    return {
      tools: mcp.tools.map((tool) => tool.name),
      servers: mcp.servers.map(({ name, state, error }) => ({ name, state, error })),
      answer,
    };
  } finally {
    await mcp.close();
    http.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(await main());
