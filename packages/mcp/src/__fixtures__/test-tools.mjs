// Hand-written core Tools (plain objects with a JSON schema and an execute function, no
// @repo/tools) shared by the in-process tests and the spawned stdio server. The Chinese text is on
// purpose: it must cross every transport intact. Types: test-tools.d.mts.

/** The seed's tool: same name, description and constant answer. It logs, as the seed's did. */
export const getCurrentWeather = {
  name: 'getCurrentWeather',
  description: '查询指定城市当前的天气',
  parameters: {
    type: 'object',
    properties: { cityName: { type: 'string', description: '城市名称' } },
    required: ['cityName'],
  },
  execute: ({ cityName }) => {
    // stdout in a stdio server: serveStdio must have sent this to stderr.
    console.log(`查询天气：${cityName}`);
    return `${cityName}：天气大风`;
  },
};

/** An object result: JSON text plus structuredContent. */
export const getForecast = {
  name: 'getForecast',
  description: 'Forecast for the next days',
  parameters: {
    type: 'object',
    properties: { city: { type: 'string' }, days: { type: 'integer', minimum: 1, maximum: 3 } },
    required: ['city', 'days'],
  },
  execute: ({ city, days }) => ({
    city,
    days: ['晴', '多云', '小雨'].slice(0, days),
  }),
};

export const echo = {
  name: 'echo',
  description: 'Returns the text it was given',
  parameters: { type: 'object', properties: { text: { type: 'string' } }, required: ['text'] },
  execute: ({ text }) => text,
};

export const failingTool = {
  name: 'failingTool',
  description: 'Always fails',
  parameters: { type: 'object', properties: {} },
  execute: () => {
    throw new Error('数据源不可用 (data source unavailable)');
  },
};

/** Waits, unless the caller cancels: a cancelled call must not keep the server busy. */
export const wait = {
  name: 'wait',
  description: 'Answers after `ms` milliseconds',
  parameters: { type: 'object', properties: { ms: { type: 'integer' } }, required: ['ms'] },
  execute: ({ ms }, { signal }) =>
    new Promise((resolve, reject) => {
      const timer = setTimeout(() => resolve(`waited ${ms} ms`), ms);
      signal?.addEventListener('abort', () => {
        clearTimeout(timer);
        reject(new Error('cancelled'));
      });
    }),
};

/** What the tool saw of its execution context. */
export const whoAmI = {
  name: 'whoAmI',
  description: 'Reports the tool context',
  parameters: { type: 'object', properties: {} },
  execute: (_args, { context, toolCallId, messages }) => ({
    tenant: context.tenant ?? null,
    toolCallId,
    messages: messages.length,
  }),
};

export const testTools = [getCurrentWeather, getForecast, echo, failingTool, wait, whoAmI];
