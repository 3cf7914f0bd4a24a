import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { runSectionCommands } from './readme-run.mjs';

describe('runSectionCommands', () => {
  it('takes the Run block up to npm start, without comments or npm install', () => {
    const readme = [
      '# demo',
      '## Run',
      '',
      '```sh',
      'npm install            # once, at the repository root',
      'cd apps/rag-demo',
      'DATABASE_URL=memory:// npm start   # builds, then node dist/main.js',
      'node dist/stdio.js     # another way',
      '```',
      '## Calls',
    ].join('\n');
    assert.deepEqual(runSectionCommands(readme), [
      'cd apps/rag-demo',
      'DATABASE_URL=memory:// npm start',
    ]);
  });

  it('says what is missing', () => {
    assert.throws(() => runSectionCommands('# x\n## Usage\n'), /no "## Run" section/);
    assert.throws(
      () => runSectionCommands('## Run\ntext\n## Next\n```sh\nx\n```'),
      /no ```sh block/,
    );
    assert.throws(() => runSectionCommands('## Run\n```sh\ncd x\n```'), /no `npm start` line/);
  });

  it('finds a start command in every app README', () => {
    for (const app of ['chat-demo', 'chat-memory-demo', 'rag-demo', 'mcp-weather-server']) {
      const text = readFileSync(new URL(`../../apps/${app}/README.md`, import.meta.url), 'utf8');
      const commands = runSectionCommands(text);
      assert.equal(commands[0], `cd apps/${app}`);
      assert.match(commands.at(-1) ?? '', /npm start$/);
    }
  });
});
