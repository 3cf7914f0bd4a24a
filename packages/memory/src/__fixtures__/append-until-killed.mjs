// Crash-test child (src/crash.test.ts): appends user + assistant pairs to one conversation through
// the BUILT @repo/memory and @repo/storage, printing the last ordinal of each committed append on
// its own line, until the parent kills it with SIGKILL. Bounded, so a missed kill still ends.
//
//   node append-until-killed.mjs <database url> <conversation id> <max appends>
import { createSqlChatMemoryRepository } from '@repo/memory';
import { createDatabase } from '@repo/storage';

const [url, conversationId, maxAppends] = process.argv.slice(2);
if (!url || !conversationId || !maxAppends) {
  console.error('usage: append-until-killed.mjs <database url> <conversation id> <max appends>');
  process.exit(2);
}

/** The text of message `ordinal`, long enough that a torn write would show (as in crash.test.ts). */
const textOf = (ordinal) => `message ${ordinal} ${'x'.repeat(2000)} end ${ordinal}`;

const database = await createDatabase({ url });
const repository = await createSqlChatMemoryRepository(database);
const loaded = await repository.load(conversationId, { repair: false });
let next = loaded.length + 1;
for (let i = 0; i < Number(maxAppends); i += 1) {
  const stored = await repository.append(conversationId, [
    { role: 'user', parts: [{ type: 'text', text: textOf(next) }] },
    { role: 'assistant', parts: [{ type: 'text', text: textOf(next + 1) }] },
  ]);
  next += stored.length;
  // Written synchronously to the pipe on Linux and macOS: once the parent reads it, it was committed.
  process.stdout.write(`${stored[stored.length - 1].ordinal}\n`);
}
await database.close();
