// Runs the README's examples/*.ts, so the outputs the README shows cannot drift.
import { describe, expect, it } from 'vitest';
import { main as fileReader } from '../examples/file-reader.js';
import { main as quickStart } from '../examples/quick-start.js';
import { main as userControlled } from '../examples/user-controlled.js';

describe('README examples', () => {
  it('quick start: defineTool and the sample tools in the loop', async () => {
    expect(await quickStart()).toEqual({
      schema: {
        type: 'object',
        properties: { author: { type: 'string', description: 'Author name, e.g. "Lu Xun"' } },
        required: ['author'],
      },
      books:
        'Based on the tool results: findBooksByAuthor → {"author":"Lu Xun","books":["呐喊 (Call to Arms)","彷徨 (Wandering)"]}.',
      weather:
        '根据工具结果：getCurrentWeather → {"city":"北京","temperature":18,"unit":"C","condition":"晴","humidity":35,"windKph":12}。',
      sum: '根据工具结果：calculate → {"expression":"(3+4)*2","result":14}。',
      time: 'Based on the tool results: getCurrentDateTime → {"timeZone":"Asia/Shanghai","iso":"2025-06-01T20:00:00+08:00","date":"2025-06-01","time":"20:00:00","weekday":"Sunday","utcOffset":"+08:00"}.',
    });
  }, 30_000);

  it('user-controlled execution with memory', async () => {
    expect(await userControlled()).toEqual({
      pending: ['getCurrentWeather {"city":"Paris"}', 'getCurrentWeather {"city":"London"}'],
      answer:
        'Based on the tool results: getCurrentWeather → {"city":"Paris","temperature":21,"unit":"C","condition":"Sunny","humidity":50,"windKph":10}; getCurrentWeather → Not on the trip..',
      followUp: 'Your name is Li Lei.',
      turns: 5,
    });
  }, 30_000);

  it('the confined file reader', async () => {
    expect(await fileReader()).toEqual([
      { path: 'todo.md', bytes: 20, content: '买牛奶\n写周报\n' },
      'refused: Tool "readFile" failed: "../../etc/passwd" leaves the root folder; only files inside it can be read',
      'refused: Tool "readFile" failed: "/etc/passwd" is an absolute path; give a path relative to the root folder, e.g. "notes/todo.md"',
      'refused: Tool "readFile" failed: ".env" is a hidden file or folder (its name starts with "."); those are not shared',
      { path: '.', entries: [{ name: 'todo.md', type: 'file' }], truncated: false },
    ]);
  });
});
