// Quick start: a tool from a zod schema plus the sample tools, in a chat client's tool loop.
// Runs offline on the embedded local-llm; swap the provider for `createProvider('deepseek')`.
import { createChatClient } from '@repo/chat';
import { createProvider } from '@repo/providers';
import { z } from 'zod';
import {
  createCalculatorTool,
  createDateTimeTool,
  createWeatherTool,
  defineTool,
} from '../src/index.js';

const BOOKS: Record<string, string[]> = { 'Lu Xun': ['呐喊 (Call to Arms)', '彷徨 (Wandering)'] };

// The schema is the JSON schema the model sees, the check on its arguments, and their type.
const findBooksByAuthor = defineTool({
  name: 'findBooksByAuthor',
  description: 'Find books by an author',
  parameters: z.object({ author: z.string().describe('Author name, e.g. "Lu Xun"') }),
  execute: ({ author }) => ({ author, books: BOOKS[author] ?? [] }),
});

export async function main() {
  const model = createProvider('local', { env: {} }).chat();
  const chat = createChatClient(model, {
    tools: [
      findBooksByAuthor,
      createWeatherTool(),
      createCalculatorTool(),
      createDateTimeTool({ now: () => new Date('2025-06-01T12:00:00Z') }),
    ],
  });

  const books = await chat.prompt('Find books by Lu Xun').call();
  const weather = await chat.prompt('北京今天的天气怎么样？').call();
  // stream() runs the same loop: tool rounds happen between the text deltas.
  let sum = '';
  for await (const text of chat.prompt('帮我计算 (3+4)×2').stream().textStream()) sum += text;
  // The user's time zone is tool context: the tools see it, the model never does.
  const time = await chat
    .prompt('What time is it?')
    .toolContext({ timeZone: 'Asia/Shanghai' })
    .call();

  return {
    schema: findBooksByAuthor.parameters,
    books: books.content,
    weather: weather.content,
    sum,
    time: time.content,
  };
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(await main());
