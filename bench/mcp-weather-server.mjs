// The weather tool over MCP for the tools bench, out of process like a real server:
//   node mcp-weather-server.mjs stdio   (protocol on stdin/stdout; the client spawns it)
//   node mcp-weather-server.mjs http    (prints "listening on <url>"; Streamable HTTP at /mcp)
import { createServer } from 'node:http';
import { createMcpHttpHandler, serveStdio, silentLogger } from '@repo/mcp';
import { createWeatherTool } from '@repo/tools';

const options = { name: 'bench-weather', version: '1.0.0', tools: [createWeatherTool()] };

if (process.argv[2] === 'http') {
  const handle = createMcpHttpHandler({ ...options, logger: silentLogger });
  const server = createServer((req, res) => {
    if (req.url === '/mcp') void handle(req, res);
    else res.writeHead(404).end();
  });
  server.listen(0, '127.0.0.1', () => {
    console.log(`listening on http://127.0.0.1:${server.address().port}/mcp`);
  });
} else {
  await serveStdio(options, { logger: silentLogger });
}
