// README quick start: a chat client that remembers, per conversation, in SQL (PGlite in memory
// here; `file:.data/app` or `postgres://…` in an app). Run by src/examples.test.ts.
import { createChatClient } from '@repo/chat';
import { createLocalLlm } from '@repo/local-llm';
import {
  CHAT_MEMORY_CONVERSATION_ID_KEY,
  createMessageChatMemoryAdvisor,
  createMessageWindowChatMemory,
  createSqlChatMemoryRepository,
} from '@repo/memory';
import { createProvider } from '@repo/providers';
import { createDatabase } from '@repo/storage';

export async function main() {
  const llm = createLocalLlm();
  const model = createProvider('local', { localLlm: llm }).chat(); // the embedded model, in-process
  const database = await createDatabase({ url: 'memory://' });
  const repository = await createSqlChatMemoryRepository(database); // applies its migrations
  const memory = createMessageWindowChatMemory({ repository, maxMessages: 20 });
  const chat = createChatClient(model, {
    system: 'You are a friendly assistant.',
    advisors: [createMessageChatMemoryAdvisor({ memory })],
  });

  const ask = async (message: string, conversationId: string) =>
    (
      await chat
        .prompt(message)
        .advisorContext({ [CHAT_MEMORY_CONVERSATION_ID_KEY]: conversationId })
        .call()
    ).content;

  await ask('My name is Bob', 'alice-and-bob');
  const sameConversation = await ask('What is my name?', 'alice-and-bob');
  const otherConversation = await ask('What is my name?', 'someone-else');
  await ask('我叫小明', 'xiaoming');
  const chinese = await ask('我叫什么名字？', 'xiaoming');
  const conversations = (await repository.list()).map((c) => [c.id, c.messageCount]).sort();

  await database.close();
  return { sameConversation, otherConversation, chinese, conversations };
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(await main());
