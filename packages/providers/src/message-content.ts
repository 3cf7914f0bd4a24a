// What a completion's message or a chunk's delta says, as ordered pieces of reasoning and text.
// call() and stream() both read through here, so a shape one of them understands the other does
// too. Content is a string for most providers; Mistral's reasoning models send an array of typed
// parts instead (docs.mistral.ai/capabilities/reasoning): `{type: "thinking", thinking: [{type:
// "text", text}]}` chunks, then `{type: "text", text}` chunks, and a stream switches to plain
// strings once thinking ends.

export interface ContentPiece {
  type: 'reasoning' | 'text';
  text: string;
}

/** The reasoning field first (when there is one), then the content's pieces in order; empty ones left out. */
export function readContentPieces(source: object | null | undefined): ContentPiece[] {
  if (!source) return [];
  const pieces: ContentPiece[] = [];
  const reasoning = reasoningFieldOf(source);
  if (reasoning !== '') pieces.push({ type: 'reasoning', text: reasoning });
  const { content } = source as { content?: unknown };
  if (typeof content === 'string') {
    if (content !== '') pieces.push({ type: 'text', text: content });
  } else if (Array.isArray(content)) {
    for (const part of content) {
      const piece = readPart(part);
      if (piece && piece.text !== '') pieces.push(piece);
    }
  }
  return pieces;
}

/** Pieces joined by kind: what a whole message holds. */
export function joinContentPieces(pieces: ContentPiece[]): { reasoning: string; text: string } {
  let reasoning = '';
  let text = '';
  for (const piece of pieces) {
    if (piece.type === 'reasoning') reasoning += piece.text;
    else text += piece.text;
  }
  return { reasoning, text };
}

/** `reasoning_content` (DeepSeek, Qwen, GLM, Kimi) or `reasoning` (vLLM, OpenRouter, Ollama). */
function reasoningFieldOf(value: object): string {
  const record = value as { reasoning_content?: unknown; reasoning?: unknown };
  if (typeof record.reasoning_content === 'string') return record.reasoning_content;
  if (typeof record.reasoning === 'string') return record.reasoning;
  return '';
}

function readPart(part: unknown): ContentPiece | undefined {
  if (typeof part === 'string') return { type: 'text', text: part };
  if (typeof part !== 'object' || part === null) return undefined;
  const record = part as { type?: unknown; text?: unknown; thinking?: unknown };
  if (record.type === 'thinking') return { type: 'reasoning', text: textOf(record.thinking) };
  // Text parts, and any other typed part that carries text; reference and image parts carry none.
  if (typeof record.text === 'string') return { type: 'text', text: record.text };
  return undefined;
}

/** A thinking part's body: a list of text chunks (Mistral) or, tolerated, a plain string. */
function textOf(value: unknown): string {
  if (typeof value === 'string') return value;
  if (!Array.isArray(value)) return '';
  let text = '';
  for (const chunk of value) {
    const chunkText = (chunk as { text?: unknown } | null)?.text;
    if (typeof chunkText === 'string') text += chunkText;
  }
  return text;
}
