#!/usr/bin/env node
// Committed shim (like packages/local-llm/bin): npm links a workspace bin on a clean clone only if
// the file exists before the build. Runs the stdio server, which must be built first.
import { existsSync } from 'node:fs';

const entry = new URL('../dist/stdio.js', import.meta.url);
if (!existsSync(entry)) {
  process.stderr.write('mcp-weather-server is not built: run `npm run build` at the repo root\n');
  process.exit(1);
}
await import(entry.href);
