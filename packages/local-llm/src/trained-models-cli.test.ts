import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { loadTrainedChatModel } from '@repo/trainer/serve';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { firstLine } from './__fixtures__/first-line.js';
import { saveSeededCheckpoint } from './__fixtures__/trained-checkpoint.js';

// The built CLI with LOCAL_LLM_TRAINED_MODELS, in a Node whose module resolver writes down every
// module of @repo/trainer it resolves: nothing until a trained model is asked for.
const packageDir = fileURLToPath(new URL('..', import.meta.url));
let checkpoint: Awaited<ReturnType<typeof saveSeededCheckpoint>>;
let hooksDir: string;
let log: string;

beforeAll(async () => {
  checkpoint = await saveSeededCheckpoint();
  hooksDir = await mkdtemp(path.join(tmpdir(), 'local-llm-hooks-'));
  log = path.join(hooksDir, 'resolved.log');
  await writeFile(
    path.join(hooksDir, 'hooks.mjs'),
    `import { appendFileSync } from 'node:fs';
export async function resolve(specifier, context, next) {
  const result = await next(specifier, context);
  if (specifier.includes('@repo/trainer') || result.url.includes('/packages/trainer/'))
    appendFileSync(${JSON.stringify(log)}, specifier + '\\n');
  return result;
}\n`,
  );
  await writeFile(
    path.join(hooksDir, 'register.mjs'),
    `import { register } from 'node:module';
register(${JSON.stringify(pathToFileURL(path.join(hooksDir, 'hooks.mjs')).href)});\n`,
  );
});
afterAll(async () => {
  await checkpoint.remove();
  await rm(hooksDir, { recursive: true, force: true });
});

const resolvedSoFar = () => readFile(log, 'utf8').catch(() => '');

describe('local-llm serve with LOCAL_LLM_TRAINED_MODELS', () => {
  it('lists the model at once but loads @repo/trainer only on its first request', async () => {
    const register = pathToFileURL(path.join(hooksDir, 'register.mjs')).href;
    const child = spawn(
      process.execPath,
      ['--import', register, 'bin/local-llm.js', 'serve', '--port', '0'],
      {
        cwd: packageDir,
        env: { ...process.env, LOCAL_LLM_TRAINED_MODELS: `tiny-chat=${checkpoint.dir}` },
      },
    );
    try {
      const line = await firstLine(child.stdout);
      const baseURL = /listening on (http:\/\/\S+)$/.exec(line)?.[1];
      expect(baseURL).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/v1$/);
      const post = (model: string) =>
        fetch(`${baseURL}/chat/completions`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ model, messages: [{ role: 'user', content: '你好' }], seed: 4 }),
        }).then((r) => r.json() as Promise<{ choices: { message: { content: string } }[] }>);

      const models = (await (await fetch(`${baseURL}/models`)).json()) as {
        data: { id: string }[];
      };
      expect(models.data.map((m) => m.id)).toContain('tiny-chat');
      expect((await post('local')).choices[0]?.message.content).toContain('你好');
      expect(await resolvedSoFar()).toBe('');

      const expected = (await loadTrainedChatModel(checkpoint.dir)).complete(
        [{ role: 'user', content: '你好' }],
        { seed: 4 },
      );
      expect((await post('tiny-chat')).choices[0]?.message.content).toBe(expected.text);
      expect((await resolvedSoFar()).split('\n')).toContain('@repo/trainer/serve');
    } finally {
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      await exited;
    }
  });
});
