// Rows shared by the conversion tests: Chinese content, a system message, a tool call.
export const SFT_ROW = {
  messages: [
    { role: 'system', content: '你是一位严谨的中文助教。' },
    { role: 'user', content: '“机器学习”用英文怎么说？' },
    { role: 'assistant', content: 'Machine learning。' },
    { role: 'user', content: '再用一句话解释它。' },
    { role: 'assistant', content: '让计算机从数据中学习规律，而不是逐条编写规则。' },
  ],
};

export const DPO_ROW = {
  input: {
    messages: [
      { role: 'system', content: '回答要简洁。' },
      { role: 'user', content: '北京是哪个国家的首都？' },
    ],
  },
  preferred_output: [{ role: 'assistant', content: '中国。' }],
  non_preferred_output: [{ role: 'assistant', content: '北京是日本的首都。' }],
};

export const WEATHER_TOOL = {
  type: 'function',
  function: {
    name: 'get_weather',
    description: '查询城市天气',
    parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
  },
};

export const TOOL_ROW = {
  messages: [
    { role: 'system', content: '你可以调用工具。' },
    { role: 'user', content: '上海今天天气怎么样？' },
    {
      role: 'assistant',
      tool_calls: [
        {
          id: 'call_1',
          type: 'function',
          function: { name: 'get_weather', arguments: '{"city":"上海"}' },
        },
      ],
    },
    { role: 'tool', tool_call_id: 'call_1', content: '{"temperature":22,"condition":"多云"}' },
    { role: 'assistant', content: '上海今天多云，22 度。' },
  ],
  tools: [WEATHER_TOOL],
};

export async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const item of items) all.push(item);
  return all;
}
