import { describe, expect, it } from 'vitest';
import { main } from '../examples/remember-my-name.js';

describe('README quick start (examples/remember-my-name.ts)', () => {
  it('runs and returns what the README shows', async () => {
    expect(await main()).toEqual({
      sameConversation: 'Your name is Bob.',
      otherConversation: "I don't know your name yet.",
      chinese: '你叫小明。',
      conversations: [
        ['alice-and-bob', 4],
        ['someone-else', 2],
        ['xiaoming', 4],
      ],
    });
  });
});
