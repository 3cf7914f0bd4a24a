import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSuite, parseSuite, parseSuiteText } from './load-suite.js';
import { thrownBy } from '../__fixtures__/thrown-by.js';
import { SuiteError } from './suite-errors.js';

const fixture = new URL('../__fixtures__/capitals.eval.yaml', import.meta.url).pathname;

const problemsOf = (run: () => unknown) => thrownBy(run, SuiteError);

const minimal = (tests: string) => `prompts:
  - 'Q: {{question}}'
providers: [local]
tests:
${tests}`;

describe('loadSuite', () => {
  it('loads a YAML suite with defaultTest merged in, placeholders normalised and keys per test', async () => {
    const suite = await loadSuite(fixture);
    expect(suite.name).toBe('Capitals, answered from the context');
    expect(suite.path).toBe(fixture);
    expect(suite.providers).toEqual([{ id: 'local', label: 'local', config: {} }]);
    expect(suite.prompts[0]?.messages[0]?.content).toBe(
      'Context: {{context}}\nQuestion: {{question}}\n',
    );
    expect(suite.tests.map((test) => test.key)).toEqual(['Paris', '北京', 'wrong on purpose']);
    expect(suite.tests[0]?.assert.map((a) => a.type)).toEqual([
      'latency',
      'icontains',
      'f1',
      'answer-relevance',
    ]);
    expect(suite.tests[0]?.assert[2]).toMatchObject({ type: 'f1', threshold: 0.5, weight: 1 });
    expect(suite.tests[2]?.assert[1]).toMatchObject({
      type: 'icontains',
      negate: true,
      value: 'Berlin',
    });
  });

  it('names a missing file', async () => {
    await expect(loadSuite('/nope/suite.yaml')).rejects.toThrow(
      '/nope/suite.yaml: the file does not exist',
    );
  });

  it('reads file:// prompts relative to the suite and reports one that is missing', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'suite-'));
    await writeFile(join(dir, 'prompt.txt'), 'Answer: {{ question }}');
    await writeFile(
      join(dir, 'suite.yaml'),
      minimal('  - vars: {question: hi}\n    assert: [{type: contains, value: hi}]').replace(
        "  - 'Q: {{question}}'",
        '  - file://prompt.txt',
      ),
    );
    const suite = await loadSuite(join(dir, 'suite.yaml'));
    expect(suite.prompts[0]).toEqual({
      label: 'prompt.txt',
      messages: [{ role: 'user', content: 'Answer: {{question}}' }],
    });
    await writeFile(
      join(dir, 'bad.yaml'),
      minimal('  - vars: {question: hi}').replace("'Q: {{question}}'", 'file://absent.txt'),
    );
    await expect(loadSuite(join(dir, 'bad.yaml'))).rejects.toThrow(
      /bad\.yaml:2:5: prompts\[0\]: cannot read .*absent\.txt/,
    );
  });
});

describe('suite errors carry file:line:column', () => {
  it('reports YAML syntax errors where they are', () => {
    const error = problemsOf(() =>
      parseSuiteText('prompts: [a\nproviders: [local]\n', { file: 'broken.yaml' }),
    );
    expect(error.problems[0]).toMatchObject({
      line: expect.any(Number),
      column: expect.any(Number),
    });
    expect(error.message).toMatch(/^Invalid eval suite:\nbroken\.yaml:\d+:\d+: /);
  });

  it('lists the valid assertion types for an unknown one, at its line', () => {
    const error = problemsOf(() =>
      parseSuiteText(
        minimal('  - vars: {question: hi}\n    assert:\n      - type: containz\n        value: x'),
        {
          file: 's.yaml',
        },
      ),
    );
    expect(error.problems).toHaveLength(1);
    expect(error.problems[0]).toMatchObject({
      field: 'tests[0].assert[0].type',
      line: 7,
      column: 15,
    });
    expect(error.message).toContain(
      's.yaml:7:15: tests[0].assert[0].type: unknown assertion type "containz"; valid types: equals, contains, icontains,',
    );
    expect(error.details).toEqual([
      { field: 'tests[0].assert[0].type', reason: expect.stringContaining('llm-rubric') },
    ]);
  });

  it('reports an unknown field at the key, and a missing one as required', () => {
    const error = problemsOf(() =>
      parseSuiteText('providers: [local]\ntests:\n  - vars: {}\n    asert: []\n', {
        file: 's.yaml',
      }),
    );
    expect(error.problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'prompts', reason: 'is required', line: 1, column: 1 }),
        expect.objectContaining({
          field: 'tests[0].asert',
          reason: 'is not an accepted field',
          line: 4,
          column: 5,
        }),
      ]),
    );
  });

  it('checks what each assertion needs and that every prompt variable is defined', () => {
    const error = problemsOf(() =>
      parseSuiteText(
        minimal(`  - vars: {topic: x}
    assert:
      - type: regex
        value: '(unclosed'
      - type: context-faithfulness
      - type: latency
      - type: contains-any
        value: nope
      - type: icontains
        value: '{{expected}}'`),
        { file: 's.yaml' },
      ),
    );
    expect(error.problems.map(({ field, reason, line }) => ({ field, reason, line }))).toEqual([
      {
        field: 'tests[0].assert[0].value',
        reason: expect.stringMatching(/^invalid regular expression/),
        line: 8,
      },
      {
        field: 'tests[0]',
        reason: '"context-faithfulness" needs vars.context (the retrieved documents)',
        line: 5,
      },
      {
        field: 'tests[0].assert[2].threshold',
        reason: expect.stringMatching(/^"latency" needs a threshold/),
        line: 10,
      },
      {
        field: 'tests[0].assert[3].value',
        reason: '"contains-any" needs a list of strings',
        line: 12,
      },
      {
        field: 'tests[0].assert[4].value',
        reason: 'uses {{expected}}, which the test does not define',
        line: 14,
      },
      {
        field: 'tests[0].vars',
        reason: 'prompt "Q: {{question}}" uses {{question}}, which this test does not define',
        line: 5,
      },
    ]);
  });

  it('refuses at load what grading could not do in bounded time, at its line', () => {
    const error = problemsOf(() =>
      parseSuiteText(
        minimal(`  - vars: {question: 北京在哪里？}
    assert:
      - type: regex
        value: '北京(?=是)'
      - type: not-regex
        value: '(\\w)\\1'
      - type: levenshtein
        value: '${'长'.repeat(10_001)}'
      - type: rouge-n
        value: 北京
        config: {n: 11}
      - type: bleu
        value: 北京
        config: {maxN: 4}
      - type: regex
        value: '(a+)+b'`),
      ),
    );
    expect(error.problems.map(({ field, reason, line }) => ({ field, reason, line }))).toEqual([
      {
        field: 'tests[0].assert[0].value',
        reason: expect.stringMatching(
          /`\(\?=` \(lookahead is not supported: regex assertions use RE2/,
        ),
        line: 8,
      },
      {
        field: 'tests[0].assert[1].value',
        reason: expect.stringMatching(
          /^invalid regular expression: .*backreferences are not supported/,
        ),
        line: 10,
      },
      {
        field: 'tests[0].assert[2].value',
        reason: 'has 10001 characters; levenshtein accepts at most 10000',
        line: 12,
      },
      {
        field: 'tests[0].assert[3].config.n',
        reason: 'must be a whole number from 1 to 10',
        line: 15,
      },
    ]);
  });

  it('gives positions for JSON suites too', () => {
    const json = JSON.stringify(
      {
        prompts: ['{{q}}'],
        providers: ['local'],
        tests: [{ vars: { q: 1 }, assert: [{ type: 'nope' }] }],
      },
      null,
      2,
    );
    const error = problemsOf(() => parseSuiteText(json, { file: 's.json' }));
    expect(error.problems[0]).toMatchObject({
      field: 'tests[0].assert[0].type',
      line: 15,
      column: 19,
    });
  });

  it('validates objects without positions (the HTTP API)', () => {
    const error = problemsOf(() => parseSuite({ prompts: [], providers: ['local'], tests: [{}] }));
    expect(error.details).toEqual([{ field: 'prompts', reason: 'must not be empty' }]);
    expect(error.message).toContain('suite: prompts:');
  });

  it('accepts promptfoo grader options and response_format', () => {
    const suite = parseSuite({
      prompts: [
        {
          label: 'chat',
          messages: [
            { role: 'system', content: 'Be brief' },
            { role: 'user', content: '{{ q }}' },
          ],
        },
      ],
      providers: [
        {
          id: 'openai:chat:gpt-4o-mini',
          config: {
            response_format: { type: 'json_object' },
            prices: { inputPerMillion: 0.15, outputPerMillion: 0.6 },
          },
        },
      ],
      defaultTest: { options: { provider: 'deepseek' }, vars: { q: 'hi' } },
      tests: [
        { assert: [{ type: 'llm-rubric', value: 'polite', provider: { embedding: 'qwen' } }] },
        { description: 'twice' },
        { description: 'twice' },
      ],
    });
    expect(suite.providers[0]?.config).toEqual({
      responseFormat: { type: 'json' },
      prices: { inputPerMillion: 0.15, outputPerMillion: 0.6 },
    });
    expect(suite.tests[0]?.assert[0]?.grader).toEqual({ text: 'deepseek', embedding: 'qwen' });
    expect(suite.tests.map((test) => test.key)).toEqual(['#1', 'twice', 'twice#3']);
    expect(suite.prompts[0]?.label).toBe('chat');
  });
});

describe('suites from elsewhere', () => {
  it('can refuse file:// prompts (a suite sent over HTTP must not read server files)', () => {
    const error = problemsOf(() =>
      parseSuite(
        { prompts: ['file:///etc/passwd'], providers: ['local'], tests: [{}] },
        { allowFiles: false },
      ),
    );
    expect(error.details).toEqual([
      {
        field: 'prompts[0]',
        reason: 'file:// prompts are not allowed here; put the prompt text in the suite',
      },
    ]);
  });

  it('puts a list of documents into a prompt one per line', async () => {
    const { compilePrompt } = await import('./suite-templates.js');
    const suite = parseSuite({
      prompts: ['Context:\n{{context}}\nQ: {{q}} {{meta}} ({{context.1}})'],
      providers: ['local'],
      tests: [{ vars: { context: ['北京是首都。', 'Paris is big.'], q: 'x', meta: { n: 1 } } }],
    });
    const [message] = compilePrompt(suite.prompts[0]!).render(suite.tests[0]!.vars);
    expect(message?.parts).toEqual([
      { type: 'text', text: 'Context:\n北京是首都。\nParis is big.\nQ: x {"n":1} (Paris is big.)' },
    ]);
  });
});

describe('tests from a dataset file', () => {
  it('reads JSONL (one test per line) and YAML lists, reporting problems at the dataset’s line', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'suite-'));
    await writeFile(
      join(dir, 'cases.jsonl'),
      [
        '{"description":"一","vars":{"q":"北京"},"assert":[{"type":"contains","value":"北京"}]}',
        '',
        '{"vars":{"q":"Paris"},"assert":[{"type":"icontains","value":"paris"}]}',
      ].join('\n'),
    );
    await writeFile(
      join(dir, 'suite.yaml'),
      "prompts: ['{{q}}']\nproviders: [local]\ntests: file://cases.jsonl\n",
    );
    const suite = await loadSuite(join(dir, 'suite.yaml'));
    expect(suite.tests.map((test) => [test.key, test.vars.q])).toEqual([
      ['一', '北京'],
      ['#2', 'Paris'],
    ]);

    await writeFile(
      join(dir, 'bad.jsonl'),
      '{"vars":{"q":1}}\n{"vars":{"q":2},"assert":[{"type":"nope"}]}\n{oops\n',
    );
    await writeFile(
      join(dir, 'bad.yaml'),
      "prompts: ['{{q}}']\nproviders: [local]\ntests: file://bad.jsonl\n",
    );
    await expect(loadSuite(join(dir, 'bad.yaml'))).rejects.toThrow(
      `${join(dir, 'bad.jsonl')}:3:1: tests[2]: invalid JSON`,
    );
    await writeFile(
      join(dir, 'bad.jsonl'),
      '{"vars":{"q":1}}\n\n{"vars":{"q":2},"assert":[{"type":"nope"}]}\n',
    );
    await expect(loadSuite(join(dir, 'bad.yaml'))).rejects.toThrow(
      `${join(dir, 'bad.jsonl')}:3:1: tests[1].assert[0].type: unknown assertion type "nope"`,
    );

    await writeFile(join(dir, 'cases.yaml'), '- vars: {q: x}\n  assert:\n    - type: nope\n');
    await writeFile(
      join(dir, 'list.yaml'),
      "prompts: ['{{q}}']\nproviders: [local]\ntests: file://cases.yaml\n",
    );
    await expect(loadSuite(join(dir, 'list.yaml'))).rejects.toThrow(
      `${join(dir, 'cases.yaml')}:3:13: tests[0].assert[0].type: unknown assertion type "nope"`,
    );
    await writeFile(
      join(dir, 'missing.yaml'),
      "prompts: ['{{q}}']\nproviders: [local]\ntests: file://none.jsonl\n",
    );
    await expect(loadSuite(join(dir, 'missing.yaml'))).rejects.toThrow(
      `${join(dir, 'missing.yaml')}: tests: cannot read ${join(dir, 'none.jsonl')}`,
    );
  });

  it('refuses a dataset file when files are not allowed', () => {
    const error = problemsOf(() =>
      parseSuite(
        { prompts: ['x'], providers: ['local'], tests: 'file:///etc/passwd' },
        { allowFiles: false },
      ),
    );
    expect(error.details).toEqual([
      { field: 'tests', reason: 'file:// tests are not allowed here; put the tests in the suite' },
    ]);
  });
});
