// What a comparison asks: the last user turn of each row of a dataset (SFT or DPO), with the row's
// answer as the judge's reference, read as a stream up to `limit` rows; else the bundled set.
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { HELD_OUT, type HeldOutCase } from './held-out-prompts.js';

interface Message {
  role?: unknown;
  content?: unknown;
}

const text = (message: Message | undefined) =>
  typeof message?.content === 'string' ? message.content : undefined;

function caseOf(row: Record<string, unknown>): HeldOutCase | undefined {
  const input = row.input as { messages?: Message[] } | undefined;
  const messages = (input?.messages ?? row.messages) as Message[] | undefined;
  if (!Array.isArray(messages)) return undefined;
  const lastUser = messages.map((m) => m.role).lastIndexOf('user');
  const prompt = text(messages[lastUser]);
  const answer = Array.isArray(row.preferred_output)
    ? text((row.preferred_output as Message[])[0])
    : text(messages.slice(lastUser + 1).find((m) => m.role === 'assistant'));
  return prompt && answer ? { prompt, reference: answer } : undefined;
}

export async function compareCases(
  file: string | undefined,
  limit: number,
): Promise<HeldOutCase[]> {
  if (file === undefined) return HELD_OUT.slice(0, limit);
  const cases: HeldOutCase[] = [];
  const lines = createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity });
  try {
    for await (const line of lines) {
      if (cases.length >= limit) break;
      try {
        const found = caseOf(JSON.parse(line) as Record<string, unknown>);
        if (found) cases.push(found);
      } catch {
        // A row the report already flagged: not a question to ask.
      }
    }
  } finally {
    lines.close();
  }
  return cases;
}
