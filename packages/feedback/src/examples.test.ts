import { describe, expect, it } from 'vitest';
import { main as campaign } from '../examples/campaign.js';
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

describe('README campaign (examples/campaign.ts)', () => {
  it('generates, assigns, takes the votes and ranks the models', async () => {
    expect(await campaign()).toEqual({
      tasks: 3,
      generated: { total: 4, done: 4, failed: 0, finished: true },
      chosen: ['detailed', 'detailed', 'detailed', 'detailed', 'gold:better', 'gold:better'],
      leaderboard: [
        ['detailed', 4, 0],
        ['brief', 0, 4],
      ],
      rawAgreement: 1,
      goldAccuracy: [
        ['张三', 1],
        ['李四', 1],
      ],
    });
  }, 30_000);
});
