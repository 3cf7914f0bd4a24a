import { describe, expect, it } from 'vitest';
import { main } from '../examples/quick-start.js';

describe('README quick start (examples/quick-start.ts)', () => {
  it('runs and returns what the README shows', async () => {
    expect(await main()).toEqual({
      candidates: ['resp-1', 'resp-2'],
      outcome: 'B',
      created: true,
      retryCreated: false,
      lines: [
        {
          prompt: [
            { role: 'system', content: '你是一位耐心的老师。' },
            { role: 'user', content: '用一句话解释什么是大语言模型。' },
          ],
          chosen: [
            { role: 'assistant', content: '在海量文本上训练、能理解和生成语言的神经网络。' },
          ],
          rejected: [{ role: 'assistant', content: '一种很大的模型。' }],
        },
      ],
      rowsWritten: 1,
    });
  });
});
