// POST /api/tools/chat on the embedded model: the automatic loop, a tool subset, Chinese input,
// returnDirect (one model request), tool context (never sent to the model), tool errors fed back,
// the loop limit, and what local-llm was sent each time.
import { describe, expect, it } from 'vitest';
import { TOOL_NAMES } from '../src/tools/tool-names.js';
import { offeredTools, PARIS_WEATHER, useTestApp } from './create-test-app.js';

const t = useTestApp({ TOOLS_MAX_ITERATIONS: '2' });

describe('POST /api/tools/chat', () => {
  it('runs the loop: two parallel calls, their results, the answer and what each turn cost', async () => {
    const res = await t.post('/api/tools/chat', {
      message: 'What is the weather in Paris and London?',
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      content: expect.stringContaining(
        'Based on the tool results: getCurrentWeather → {"city":"Paris"',
      ),
      returnedDirect: false,
      modelRequests: 2,
      finishReason: 'stop',
      provider: 'local',
      model: 'local',
    });
    expect(res.body.toolCalls).toEqual([
      {
        id: expect.any(String),
        name: 'getCurrentWeather',
        arguments: { city: 'Paris' },
        result: PARIS_WEATHER,
        isError: false,
      },
      expect.objectContaining({
        name: 'getCurrentWeather',
        arguments: { city: 'London' },
        isError: false,
      }),
    ]);
    expect(res.body.usage.totalTokens).toBe(
      res.body.usage.promptTokens + res.body.usage.completionTokens,
    );
    // Every tool is offered by default; the second request carries both results.
    const [first, second] = t.sent();
    expect(offeredTools(first)).toEqual([...TOOL_NAMES]);
    const messages = second?.messages as Array<{ role: string; content: unknown }>;
    expect(messages.map((m) => m.role)).toEqual(['system', 'user', 'assistant', 'tool', 'tool']);
    expect(JSON.parse(String(messages[3]?.content))).toEqual(PARIS_WEATHER);
  });

  it('offers only the tools asked for', async () => {
    const res = await t.post('/api/tools/chat', {
      message: 'What files are in the shared folder?',
      tools: ['listFiles'],
    });
    expect(res.body.toolCalls).toEqual([
      expect.objectContaining({
        name: 'listFiles',
        result: {
          path: '.',
          entries: [
            { name: 'notes', type: 'directory' },
            { name: 'welcome.txt', type: 'file' },
          ],
          truncated: false,
        },
      }),
    ]);
    expect(t.sent().map(offeredTools)).toEqual([['listFiles'], ['listFiles']]);
  });

  it('understands Chinese: 北京天气 and a calculation', async () => {
    const weather = await t.post('/api/tools/chat', { message: '北京天气' });
    expect(weather.body.content).toBe(
      '根据工具结果：getCurrentWeather → {"city":"北京","temperature":18,"unit":"C","condition":"晴","humidity":35,"windKph":12}。',
    );
    const sum = await t.post('/api/tools/chat', { message: '帮我计算 (12+3)×2' });
    expect(sum.body.toolCalls).toEqual([
      expect.objectContaining({
        name: 'calculate',
        result: { expression: '(12+3)*2', result: 30 },
      }),
    ]);
    expect(sum.body.content).toBe(
      '根据工具结果：calculate → {"expression":"(12+3)*2","result":30}。',
    );
  });

  it('a hosted model passes full-width input as typed; the calculator normalises it', async () => {
    // local-llm's own argument filling reads ASCII digits only, so the model's call is scripted.
    t.llm.script([
      { toolCalls: [{ name: 'calculate', arguments: { expression: '（１２＋３）×２' } }] },
    ]);
    const res = await t.post('/api/tools/chat', { message: '计算 （１２＋３）×２' });
    expect(res.body.toolCalls).toEqual([
      expect.objectContaining({
        arguments: { expression: '（１２＋３）×２' },
        result: { expression: '(12+3)*2', result: 30 },
      }),
    ]);
  });

  it('a tool that fails is fed back to the model as an error result', async () => {
    const res = await t.post('/api/tools/chat', { message: 'What is the weather in Atlantis?' });
    expect(res.status).toBe(200);
    expect(res.body.toolCalls[0]).toMatchObject({ isError: true, arguments: { city: 'Atlantis' } });
    expect(res.body.content).toContain(
      'No data for the city "Atlantis". Known cities: Beijing (北京)',
    );
  });

  it('a model that keeps asking for tools past TOOLS_MAX_ITERATIONS is a 502', async () => {
    const again = { toolCalls: [{ name: 'calculate', arguments: { expression: '1+1' } }] };
    t.llm.script([again, again, again]);
    const res = await t.post('/api/tools/chat', { message: 'Add one and one, forever' });
    expect(res.status).toBe(502);
    expect(res.body).toEqual({
      statusCode: 502,
      error: 'Bad Gateway',
      message:
        "The model still asked for tools after 2 tool iteration(s); raise maxToolIterations or check the tools' descriptions",
      details: [],
    });
    expect(t.sent()).toHaveLength(3);
  });

  it('a provider failure is a 502 too', async () => {
    t.llm.script([{ error: { status: 500, message: 'boom' } }]);
    const res = await t.post('/api/tools/chat', { message: 'Hi' });
    expect(res.status).toBe(502);
    expect(res.body.message).toMatch(/^The local provider failed/);
  });

  it.each([
    ['missing message', {}, 'message', 'is required'],
    ['blank message', { message: '   ' }, 'message', 'must not be empty'],
    [
      'an unknown tool',
      { message: 'Hi', tools: ['getWeather'] },
      'tools[0]',
      'must be one of: getCurrentWeather, getCurrentDateTime, calculate, readFile, listFiles, listMyOrders, trackParcel',
    ],
    ['no tools', { message: 'Hi', tools: [] }, 'tools', 'must not be empty'],
    [
      'a bad time zone',
      { message: 'Hi', context: { timeZone: 'Mars/Base' } },
      'context.timeZone',
      'must be an IANA time zone, e.g. "Asia/Shanghai"',
    ],
    [
      'an empty user',
      { message: 'Hi', context: { userId: '' } },
      'context.userId',
      'must be a non-empty string',
    ],
    [
      'a nested context value',
      { message: 'Hi', context: { user: { id: 1 } } },
      'context.user',
      'must be a string, a number or a boolean, not an object',
    ],
    ['an unknown field', { message: 'Hi', stream: true }, 'stream', 'is not an accepted field'],
  ])('%s → 400 naming %s', async (_name, body, field, reason) => {
    const res = await t.post('/api/tools/chat', body);
    expect(res.status).toBe(400);
    expect(res.body.details).toContainEqual({ field, reason });
    expect(t.sent()).toHaveLength(0);
  });
});
