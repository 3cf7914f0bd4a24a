// Unique ids for completions and tool calls: LangGraph and other clients merge messages that share
// an id, so two completions must never collide, even across instances.
import { randomBytes } from 'node:crypto';

let counter = 0;

export function newId(prefix: 'chatcmpl-' | 'call_' | 'req_'): string {
  counter = (counter + 1) % 0x100000;
  return `${prefix}${counter.toString(36).padStart(4, '0')}${randomBytes(9).toString('hex')}`;
}
