import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../ai-errors.js';
import { Flags } from './flags.js';
import { formatBytes, formatCount, formatDuration, formatFlops } from './format.js';
import { runVerbCli } from './run-cli.js';

const SPEC = {
  steps: { type: 'string' },
  data: { type: 'string', multiple: true },
  json: { type: 'boolean' },
} as const;

const errorOf = (run: () => unknown): InvalidInputError => {
  try {
    run();
  } catch (error) {
    if (error instanceof InvalidInputError) return error;
    throw error;
  }
  throw new Error('did not throw');
};

describe('Flags', () => {
  it('names a misspelt flag', () => {
    const error = errorOf(() => Flags.parse(['--stpes', '3'], SPEC));
    expect(error.message).toBe('--stpes is not a flag of this command (--help lists them)');
    expect(error.details[0]?.field).toBe('--stpes');
  });

  it('rejects 1.5 where a whole number is needed, naming the flag', () => {
    const flags = Flags.parse(['--steps=1.5'], SPEC);
    const error = errorOf(() => flags.whole('steps', 1));
    expect(error.message).toBe('--steps must be a whole number ≥ 1 (got "1.5")');
    expect(error.details[0]?.field).toBe('--steps');
    expect(Flags.parse(['--steps', '3'], SPEC).whole('steps', 1)).toBe(3);
  });

  it('keeps every value of a multiple flag, the last one for string()', () => {
    const flags = Flags.parse(['--data', 'a.txt', '--data=b.txt', '--json', 'x'], SPEC);
    expect(flags.strings('data')).toEqual(['a.txt', 'b.txt']);
    expect(flags.string('data')).toBe('b.txt');
    expect(flags.strings('steps')).toEqual([]);
    expect(flags.boolean('json')).toBe(true);
    expect(flags.positionals).toEqual(['x']);
    expect(() => flags.atMost(1)).not.toThrow();
    expect(errorOf(() => flags.atMost(0)).details[0]?.field).toBe('x');
  });

  it('checks choices, numbers and required values', () => {
    const flags = Flags.parse(['--steps', 'many'], SPEC);
    expect(errorOf(() => flags.number('steps')).message).toBe(
      '--steps must be a number (got "many")',
    );
    expect(errorOf(() => flags.choice('steps', ['few', 'some'])).message).toBe(
      '--steps must be one of few, some (got "many")',
    );
    expect(errorOf(() => Flags.parse([], SPEC).required('steps', 'how many')).message).toBe(
      '--steps is required: how many',
    );
    expect(errorOf(() => Flags.parse(['--json=yes'], SPEC)).message).toBe('--json takes no value');
  });
});

describe('format', () => {
  it('writes counts, durations, bytes and FLOPs', () => {
    expect(formatCount(1234567.4)).toBe('1,234,567');
    expect(formatDuration(4200)).toBe('4.2 s');
    expect(formatDuration(185_000)).toBe('3 min 5 s');
    expect(formatDuration(7_800_000)).toBe('2 h 10 min');
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(1_500_000)).toBe('1.5 MB');
    expect(formatFlops(3.2e18)).toBe('3.20e18');
  });
});

describe('runVerbCli', () => {
  const run = async (argv: string[]) => {
    let stdout = '';
    let stderr = '';
    const io = {
      stdout: { write: (text: string) => (stdout += text) },
      stderr: { write: (text: string) => (stderr += text) },
    };
    const code = await runVerbCli(argv, io, {
      name: 'ai-x',
      usage: { main: 'usage: ai-x go', go: 'usage: ai-x go --steps N' },
      flagOfField: { stepCount: '--steps' },
      verbs: {
        go: {
          flags: SPEC,
          run(flags) {
            if (flags.boolean('json'))
              throw new InvalidInputError('bad', [{ field: 'stepCount', reason: 'too big' }]);
            return flags.whole('steps') ?? 0;
          },
        },
      },
    });
    return { code, stdout, stderr };
  };

  it('runs a verb, prints help and turns errors into one line', async () => {
    expect(await run(['go', '--steps', '3'])).toMatchObject({ code: 3 });
    expect(await run(['go', '--help'])).toEqual({
      code: 0,
      stdout: 'usage: ai-x go --steps N\n',
      stderr: '',
    });
    expect(await run([])).toMatchObject({ code: 2, stderr: 'usage: ai-x go\n' });
    expect(await run(['og'])).toMatchObject({
      code: 2,
      stderr: 'ai-x: "og" is not a command (go)\n',
    });
    expect(await run(['go', '--steps=x'])).toMatchObject({
      code: 2,
      stderr: 'ai-x go: --steps must be a number (got "x")\n',
    });
    expect(await run(['go', '--json'])).toMatchObject({
      code: 2,
      stderr: 'ai-x go: bad (--steps)\n',
    });
  });
});
