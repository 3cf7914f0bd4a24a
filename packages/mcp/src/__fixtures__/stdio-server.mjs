// A stdio MCP server built on the BUILT package (turbo builds it before tests), spawned by the
// stdio and client tests:  node stdio-server.mjs [name]
// It logs with console.log after starting and in getCurrentWeather, like careless app code
// would: serveStdio must keep all of it off stdout.
import { serveStdio } from '@repo/mcp';
import { testTools } from './test-tools.mjs';

const name = process.argv[2] ?? 'fixture';
await serveStdio({ name, version: '1.0.0', tools: testTools });
console.log(`${name} ready`);
