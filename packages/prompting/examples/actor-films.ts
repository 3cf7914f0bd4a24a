// Spring AI's actor-and-films structured-output example on the embedded model: a zod schema in,
// a typed value out. Native JSON-schema mode first; a chatty answer is still extracted.
import { createLocalLlm } from '@repo/local-llm';
import { createProvider } from '@repo/providers';
import { z } from 'zod';
// In your code: import { createPromptTemplate, generateStructured } from '@repo/prompting';
import { createPromptTemplate, generateStructured } from '../src/index.js';

const ActorFilms = z.object({
  actor: z.string(),
  movies: z.array(z.string()).describe('Film titles'),
});

export async function main() {
  const llm = createLocalLlm(); // in-process, no port, no key
  const model = createProvider('local', { localLlm: llm }).chat();
  const prompt = createPromptTemplate('Generate the filmography of 5 movies for {actor}.');
  const ask = (capabilities = model.capabilities) =>
    generateStructured({
      call: (request) => model.call(request),
      request: { messages: [prompt.toMessage('user', { actor: 'Tom Hanks' })] },
      schema: ActorFilms,
      name: 'actor_films',
      capabilities, // local: { structuredOutput: 'json-schema' } → native response_format
    });

  const native = await ask();

  // A model without a JSON mode answers in prose: the JSON is still found.
  llm.script([
    { content: 'Sure! Here it is:\n```json\n{"actor": "Tom Hanks", "movies": ["Big"]}\n```' },
  ]);
  const chatty = await ask({ structuredOutput: 'none' });

  return { native: native.value, chatty: chatty.value, attempts: chatty.attempts };
}
