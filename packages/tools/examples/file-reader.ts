// The confined file reader: a model's path can only reach files inside the root folder. The calls
// are written by hand here to show the refusals; in a chat they come from the model.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { ToolCallPart } from '@repo/core';
import { createListFilesTool, createReadFileTool, runToolCalls } from '../src/index.js';

const readCall = (id: string, file: string): ToolCallPart => ({
  type: 'tool-call',
  id,
  name: 'readFile',
  arguments: { path: file },
});

export async function main() {
  const root = await mkdtemp(path.join(tmpdir(), 'notes-'));
  try {
    await writeFile(path.join(root, 'todo.md'), '买牛奶\n写周报\n');
    await writeFile(path.join(root, '.env'), 'API_KEY=sk-do-not-share');
    const tools = [
      createReadFileTool({ root, maxBytes: 64 * 1024 }),
      createListFilesTool({ root }),
    ];

    const results = await runToolCalls(
      [
        readCall('1', 'todo.md'),
        readCall('2', '../../etc/passwd'),
        readCall('3', '/etc/passwd'),
        readCall('4', '.env'),
        { type: 'tool-call', id: '5', name: 'listFiles', arguments: {} },
      ],
      tools,
    );
    return results.map(({ result, isError }) => (isError ? `refused: ${String(result)}` : result));
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(await main());
