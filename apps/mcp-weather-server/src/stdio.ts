// The weather MCP server over stdio: `node dist/stdio.js`, spawned by an MCP client (Claude Desktop,
// Cursor, apps/mcp-client-demo). Spring AI's `stdio` profile, without the seed's bug: it booted
// Spring, whose banner and console logging went to stdout, the protocol channel. Nest is not
// loaded here for the same reason; stdout carries JSON-RPC only and every log line goes to stderr.
import { createStderrLogger, redirectConsoleToStderr, serveStdio } from '@repo/mcp';

// Before the other imports: anything that logs while loading must already land on stderr.
redirectConsoleToStderr();
const { createWeatherServerOptions } = await import('./weather-server.js');

const logger = createStderrLogger('weather-mcp-server');
const served = await serveStdio(createWeatherServerOptions(logger), { logger });
// The client ends our stdin when it is done; a signal (Ctrl+C in a terminal) ends us too.
for (const signal of ['SIGINT', 'SIGTERM'] as const)
  process.once(signal, () => void served.close());
await served.closed;
