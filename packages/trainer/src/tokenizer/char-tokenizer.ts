// The tokenizer the tiny GPT trains with: every character of the training text is one token (a
// Chinese character too: byte-level tokens would make it three, and a tiny model's context is
// short), anything else falls back to its UTF-8 bytes, and chat roles have tokens of their own.
// Written by hand because it is small and must be exactly this: BPE libraries (js-tiktoken)
// ship fixed vocabularies for large models, not a character vocabulary built from our corpus.
// Special tokens are only ever inserted by `encodeChat`: the text "<|user|>" typed by a user is
// encoded as its characters, so no input can forge a role switch.
import { InvalidInputError } from '@repo/core';

export const SPECIAL_TOKENS = [
  '<|pad|>',
  '<|bos|>',
  '<|eos|>',
  '<|system|>',
  '<|user|>',
  '<|assistant|>',
  '<|end|>',
] as const;
export type SpecialToken = (typeof SPECIAL_TOKENS)[number];

/** Ids 0–6 are the special tokens, 7–262 the 256 byte values, then the characters. */
export const BYTE_OFFSET = SPECIAL_TOKENS.length;
export const CHARACTER_OFFSET = BYTE_OFFSET + 256;

export interface TokenizerJson {
  kind: 'char-byte-fallback';
  version: 1;
  /** The characters, in id order from CHARACTER_OFFSET. */
  characters: string[];
}

export interface ChatTurn {
  role: 'system' | 'user' | 'assistant';
  content: string;
  /** OpenAI's per-message weight: an assistant turn with weight 0 is not trained on. */
  weight?: 0 | 1;
}

export interface EncodedChat {
  ids: number[];
  /** True where the loss counts: the assistant's answers and the `<|end|>` closing each. */
  lossMask: boolean[];
}

export interface StreamDecoder {
  /** The text that `id` completes; '' while a character's bytes are still arriving. */
  push(id: number): string;
  /** What is left at the end: an unfinished byte sequence becomes U+FFFD. */
  flush(): string;
}

const SPECIAL_ID = new Map<string, number>(SPECIAL_TOKENS.map((token, id) => [token, id]));
const utf8 = new TextEncoder();

export class CharTokenizer {
  readonly size: number;
  private readonly ids: Map<string, number>;

  constructor(readonly characters: readonly string[]) {
    this.ids = new Map(characters.map((character, i) => [character, CHARACTER_OFFSET + i]));
    this.size = CHARACTER_OFFSET + characters.length;
  }

  special(token: SpecialToken): number {
    return SPECIAL_ID.get(token) as number;
  }

  /** Plain text: characters of the vocabulary as themselves, the rest as their UTF-8 bytes. */
  encode(text: string): number[] {
    const out: number[] = [];
    for (const character of text) {
      const id = this.ids.get(character);
      if (id !== undefined) out.push(id);
      else for (const byte of utf8.encode(character)) out.push(BYTE_OFFSET + byte);
    }
    return out;
  }

  /**
   * `<|bos|>` then each turn as `<|role|>content<|end|>`; with `generate`, an open
   * `<|assistant|>` for the model to continue, else `<|eos|>`.
   */
  encodeChat(turns: readonly ChatTurn[], options: { generate?: boolean } = {}): EncodedChat {
    const ids = [this.special('<|bos|>')];
    const lossMask = [false];
    const push = (tokens: number[], counted: boolean) => {
      for (const id of tokens) {
        ids.push(id);
        lossMask.push(counted);
      }
    };
    turns.forEach((turn, i) => {
      if (!['system', 'user', 'assistant'].includes(turn?.role))
        throw new InvalidInputError(`turns[${i}].role must be system, user or assistant`, [
          { field: `turns[${i}].role`, reason: 'must be system, user or assistant' },
        ]);
      const answer = turn.role === 'assistant' && turn.weight !== 0;
      push([this.special(`<|${turn.role}|>`)], false);
      push(this.encode(String(turn.content ?? '')), answer);
      push([this.special('<|end|>')], answer);
    });
    if (options.generate) push([this.special('<|assistant|>')], false);
    else push([this.special('<|eos|>')], false);
    return { ids, lossMask };
  }

  /** Text of `ids`: special tokens dropped, byte runs decoded as UTF-8 (broken ones as U+FFFD). */
  decode(ids: readonly number[]): string {
    const decoder = this.streamDecoder();
    let text = '';
    for (const id of ids) text += decoder.push(id);
    return text + decoder.flush();
  }

  /**
   * For sampling one token at a time: a character whose bytes came as byte tokens is emitted
   * only once complete, so a stream never shows half a character (or a broken one).
   */
  streamDecoder(): StreamDecoder {
    let pending: number[] = [];
    let needed = 0;
    const broken = () => {
      pending = [];
      needed = 0;
      return '\uFFFD';
    };
    const flushBytes = () => (pending.length > 0 ? broken() : '');
    return {
      push: (id) => {
        if (!Number.isInteger(id) || id < 0 || id >= this.size)
          throw new InvalidInputError(
            `Token id ${id} is outside the vocabulary (0 to ${this.size - 1})`,
            [{ field: 'id', reason: `must be a whole number from 0 to ${this.size - 1}` }],
          );
        if (id < BYTE_OFFSET) return flushBytes();
        if (id >= CHARACTER_OFFSET)
          return flushBytes() + (this.characters[id - CHARACTER_OFFSET] as string);
        const byte = id - BYTE_OFFSET;
        let out = '';
        if (pending.length === 0 || (byte & 0xc0) !== 0x80) {
          // A new sequence starts (an unfinished one before it is broken).
          out += flushBytes();
          needed = sequenceLength(byte);
          if (needed === 0) return out + '\uFFFD';
        }
        pending.push(byte);
        if (pending.length < needed) return out;
        const text = new TextDecoder('utf-8').decode(Uint8Array.from(pending));
        pending = [];
        needed = 0;
        return out + text;
      },
      flush: flushBytes,
    };
  }

  toJSON(): TokenizerJson {
    return { kind: 'char-byte-fallback', version: 1, characters: [...this.characters] };
  }
}

/** Bytes in the UTF-8 sequence a lead byte starts; 0 for a byte that cannot start one. */
function sequenceLength(lead: number): number {
  if (lead < 0x80) return 1;
  if (lead >= 0xc2 && lead < 0xe0) return 2;
  if (lead >= 0xe0 && lead < 0xf0) return 3;
  if (lead >= 0xf0 && lead < 0xf5) return 4;
  return 0;
}
