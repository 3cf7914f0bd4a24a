// The built app started from the repository root (`node apps/mcp-client-demo/dist/main.js`): the
// shipped mcp.json and its relative server path still resolve, and SIGTERM stops the server it
// spawned. The README test covers the start from the app folder.
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { spawnApp } from '@repo/nest/testing';
import type { SpawnedApp } from '@repo/nest/testing';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
let started: SpawnedApp | undefined;
afterAll(() => started?.stop());

describe('started from the repository root', () => {
  it('spawns the weather server from mcp.json and answers with its tool', async () => {
    started = await spawnApp('apps/mcp-client-demo/dist/main.js', { cwd: repoRoot });
    const url = new URL('/api/chat/ai', started.url);
    url.searchParams.set('userInput', 'What is the weather in Tokyo?');
    const res = await fetch(url);
    expect(res.status).toBe(200);
    expect(await res.text()).toMatch(
      /^Based on the tool results: getCurrentWeather → \{"city":"Tokyo",/,
    );
    await started.stop();
    // The shutdown hooks closed the connection: the server said so on its stderr, which the app logs.
    expect(started.output()).toContain('[weather] [weather-mcp-server] info: stdio server closed');
  });
});
