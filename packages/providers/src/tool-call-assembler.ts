// Tolerant assembly of streamed tool calls (docs/pain-points.md P5). Compatible servers differ: some omit
// `index`, some send every parallel call at index 0, ids may arrive only on the first delta (or
// empty later), names may be split, arguments are split anywhere (mid-token, mid-\u escape).
// Fragments are buffered per call and parsed once, when the stream finishes. call() feeds a
// completion's whole calls through the same assembly, so the two paths cannot disagree.
import type { ToolCallPart } from '@repo/core';

export interface ToolCallDelta {
  index?: number | null;
  id?: string | null;
  function?: { name?: string | null; arguments?: string | null } | null;
}

interface Slot {
  id: string;
  name: string;
  args: string;
}

export interface ToolCallAssembler {
  push(delta: ToolCallDelta): void;
  /** The calls in the order they started; ids synthesised where the server sent none. */
  finish(): ToolCallPart[];
}

export function createToolCallAssembler(): ToolCallAssembler {
  const slots: Slot[] = [];
  const byIndex = new Map<number, Slot>();
  let last: Slot | undefined;

  function open(index: number | undefined): Slot {
    const slot: Slot = { id: '', name: '', args: '' };
    slots.push(slot);
    if (index !== undefined) byIndex.set(index, slot);
    return slot;
  }

  function slotFor(delta: ToolCallDelta): Slot {
    const id = delta.id ?? '';
    const index = typeof delta.index === 'number' ? delta.index : undefined;
    if (index === undefined) {
      // Synthetic index: a new non-empty id starts a call, anything else continues the last one.
      if (last === undefined) return open(undefined);
      if (id !== '' && last.id !== '' && last.id !== id) return open(undefined);
      return last;
    }
    const existing = byIndex.get(index);
    if (!existing) return open(index);
    // Same index, different id: a server that numbers every parallel call 0.
    if (id !== '' && existing.id !== '' && existing.id !== id) return open(index);
    return existing;
  }

  return {
    push(delta) {
      const slot = slotFor(delta);
      last = slot;
      if (delta.id && slot.id === '') slot.id = delta.id;
      const name = delta.function?.name;
      // Names arrive split ("get_" + "weather") or repeated whole on every delta.
      if (name && name !== slot.name) slot.name += name;
      const args = delta.function?.arguments;
      if (args) slot.args += args;
    },
    finish() {
      return slots
        .filter((slot) => slot.name !== '' || slot.args !== '')
        .map((slot, position) => ({
          type: 'tool-call' as const,
          id: slot.id || `call_${position}`,
          name: slot.name,
          arguments: parseToolArguments(slot.args),
        }));
    },
  };
}

/**
 * Tool arguments as the model wrote them, parsed. Empty means a zero-argument call (`{}`);
 * unparseable text is kept as the raw string so the tool loop can show the model its mistake.
 */
function parseToolArguments(raw: string): unknown {
  if (raw.trim() === '') return {};
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    return raw;
  }
}
