// The call/stream parity matrix (docs/pain-points.md P4): each scenario's prompt, optional scripted replies,
// and the messages both modes must produce, with ids numbered in order (see normaliseIds).
import type { ScriptedReply } from '@repo/local-llm';
import { defineTool } from '../define-tool.js';
import { createCalculatorTool } from '../calculator-tool.js';
import { createWeatherTool } from '../weather-tool.js';

export const openingHours = defineTool({
  name: 'getOpeningHours',
  description: 'Opening hours of the museum',
  execute: () => '09:00-17:00',
});

export const parityTools = [createWeatherTool(), createCalculatorTool(), openingHours];

export interface ParityScenario {
  name: string;
  prompt: string;
  script?: ScriptedReply[];
  /** Model requests the loop makes. */
  requests: number;
  expected: unknown[];
}

const call = (id: string, name: string, args: unknown) => ({
  type: 'tool-call',
  id,
  name,
  arguments: args,
});
const result = (toolCallId: string, name: string, value: unknown, isError = false) => ({
  type: 'tool-result',
  toolCallId,
  name,
  result: value,
  ...(isError ? { isError } : {}),
});
const assistant = (...parts: unknown[]) => ({ role: 'assistant', parts });
const tool = (...parts: unknown[]) => ({ role: 'tool', parts });
const text = (value: string) => assistant({ type: 'text', text: value });

const paris = {
  city: 'Paris',
  temperature: 21,
  unit: 'C',
  condition: 'Sunny',
  humidity: 50,
  windKph: 10,
};
const london = {
  ...{ city: 'London', temperature: 15, unit: 'C' },
  ...{ condition: 'Light rain', humidity: 76, windKph: 18 },
};
const tokyoF = {
  city: 'Tokyo',
  temperature: 68,
  unit: 'F',
  condition: 'Clear',
  humidity: 60,
  windKph: 11,
};
const json = (value: unknown) => JSON.stringify(value);
const unknownCity =
  'Tool "getCurrentWeather" failed: No data for the city "Atlantis". Known cities: Beijing (北京), ' +
  'Shanghai (上海), Hangzhou (杭州), Shenzhen (深圳), Guangzhou (广州), Chengdu (成都), London (伦敦), ' +
  'New York (纽约), Tokyo (东京), Paris (巴黎), Sydney (悉尼), San Francisco (旧金山).';
const badArguments =
  'Tool "getCurrentWeather" failed: The arguments do not match the schema: "city" must be a string, ' +
  'not a number; "unit" must be one of: C, F. Fix them and call again.';

export const parityScenarios: ParityScenario[] = [
  {
    name: 'a tool without arguments',
    prompt: 'When are the opening hours?',
    requests: 2,
    expected: [
      assistant(call('id1', 'getOpeningHours', {})),
      tool(result('id1', 'getOpeningHours', '09:00-17:00')),
      text('Based on the tool results: getOpeningHours → 09:00-17:00.'),
    ],
  },
  {
    name: 'a tool with several arguments',
    prompt: 'What is the weather in Tokyo in Fahrenheit?',
    requests: 2,
    expected: [
      assistant(call('id1', 'getCurrentWeather', { city: 'Tokyo', unit: 'F' })),
      tool(result('id1', 'getCurrentWeather', tokyoF)),
      text(`Based on the tool results: getCurrentWeather → ${json(tokyoF)}.`),
    ],
  },
  {
    name: 'two parallel calls in one turn',
    prompt: 'What is the weather in Paris and London?',
    requests: 2,
    expected: [
      assistant(
        call('id1', 'getCurrentWeather', { city: 'Paris' }),
        call('id2', 'getCurrentWeather', { city: 'London' }),
      ),
      tool(result('id1', 'getCurrentWeather', paris), result('id2', 'getCurrentWeather', london)),
      text(
        `Based on the tool results: getCurrentWeather → ${json(paris)}; getCurrentWeather → ${json(london)}.`,
      ),
    ],
  },
  {
    name: 'a tool that throws (the error goes back as the tool result)',
    prompt: 'What is the weather in Atlantis?',
    requests: 2,
    expected: [
      assistant(call('id1', 'getCurrentWeather', { city: 'Atlantis' })),
      tool(result('id1', 'getCurrentWeather', unknownCity, true)),
      text(`Based on the tool results: getCurrentWeather → ${unknownCity}.`),
    ],
  },
  {
    name: 'arguments that fail the schema (fed back, then corrected)',
    prompt: 'How is the weather?',
    script: [
      { toolCalls: [{ id: 'bad', name: 'getCurrentWeather', arguments: { city: 42, unit: 'K' } }] },
      { toolCalls: [{ id: 'fixed', name: 'getCurrentWeather', arguments: { city: 'Paris' } }] },
    ],
    requests: 3,
    expected: [
      assistant(call('id1', 'getCurrentWeather', { city: 42, unit: 'K' })),
      tool(result('id1', 'getCurrentWeather', badArguments, true)),
      assistant(call('id2', 'getCurrentWeather', { city: 'Paris' })),
      tool(result('id2', 'getCurrentWeather', paris)),
      text(`Based on the tool results: getCurrentWeather → ${json(paris)}.`),
    ],
  },
  {
    name: 'a Chinese prompt with full-width arithmetic',
    prompt: '帮我计算 (3+4)×2',
    requests: 2,
    expected: [
      assistant(call('id1', 'calculate', { expression: '(3+4)*2' })),
      tool(result('id1', 'calculate', { expression: '(3+4)*2', result: 14 })),
      text('根据工具结果：calculate → {"expression":"(3+4)*2","result":14}。'),
    ],
  },
];
