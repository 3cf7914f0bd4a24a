// A token-budget window (Spring AI has none built in; LangChain's trimMessages and Mastra's
// TokenLimiter are the models): the newest messages whose tokens fit `maxTokens`, counted with a
// pluggable counter (default: the CJK-aware estimate in count-tokens.ts). The latest system
// message is kept first and counts against the budget; the cut obeys the same clean-boundary and
// repair rules as the message window. Loads grow geometrically from the end, so a long
// conversation is not read whole.
import type { ChatMemory } from './chat-memory.js';
import {
  assembleWindow,
  HISTORY_ROLES,
  loadSystemMessage,
  memoryOver,
  positiveInteger,
} from './chat-memory.js';
import type { ChatMemoryRepository, StoredMessage } from './chat-memory-repository.js';
import { countMessageTokens, estimateTokens } from './count-tokens.js';

export interface TokenWindowChatMemoryOptions {
  repository: ChatMemoryRepository;
  /** Token budget of the window, system message included. */
  maxTokens: number;
  /** Tokens in a text. Default `estimateTokens`. */
  countTokens?: (text: string) => number;
}

const FIRST_PAGE = 32;

export function createTokenWindowChatMemory(options: TokenWindowChatMemoryOptions): ChatMemory {
  const { repository } = options;
  const maxTokens = positiveInteger(options.maxTokens, 'maxTokens');
  const count = options.countTokens ?? estimateTokens;
  const tokensOf = (message: StoredMessage) => countMessageTokens(message.parts, count);

  return memoryOver(repository, async (conversationId) => {
    const system = await loadSystemMessage(repository, conversationId);
    const budget = maxTokens - system.reduce((sum, message) => sum + tokensOf(message), 0);
    for (let page = FIRST_PAGE; ; page *= 4) {
      const history = await repository.load(conversationId, {
        last: page,
        roles: HISTORY_ROLES,
        repair: false,
      });
      let used = 0;
      let start = history.length;
      while (start > 0) {
        const tokens = tokensOf(history[start - 1] as StoredMessage);
        if (used + tokens > budget) break;
        used += tokens;
        start--;
      }
      // Done when the budget ran out inside this page or the page holds the whole conversation.
      if (start > 0 || history.length < page) return assembleWindow(system, history.slice(start));
    }
  });
}
