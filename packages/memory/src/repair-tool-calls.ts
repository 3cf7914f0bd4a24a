// Repairs what a crash mid tool loop (or a window cut) leaves behind, so the next request is valid
// for every provider. The rule: a tool call with no result in the tool messages right after it is
// dropped, and so is a tool result whose call is not in the assistant message right before it (or
// a duplicate). Dropping, rather than inventing "interrupted" results, keeps only what really
// happened, keeps ordinals unique, and leaves the stored rows untouched: only the loaded copy
// changes, marked `repaired: true`. An assistant message left with neither text nor tool calls
// (only reasoning) is dropped too, since providers reject an assistant turn with no content.
import type { AssistantMessage, ToolMessage } from '@repo/core';
import type { StoredMessage } from './chat-memory-repository.js';

type StoredAssistant = AssistantMessage & StoredMessage;
type StoredTool = ToolMessage & StoredMessage;

function hasToolCalls(message: StoredMessage): message is StoredAssistant {
  return message.role === 'assistant' && message.parts.some((part) => part.type === 'tool-call');
}

/** The loaded messages with dangling tool calls and orphan tool results removed. */
export function repairToolCalls(messages: readonly StoredMessage[]): StoredMessage[] {
  const repaired: StoredMessage[] = [];
  for (let i = 0; i < messages.length; i++) {
    const message = messages[i] as StoredMessage;
    // A tool message reached here has no assistant tool-call turn right before it.
    if (message.role === 'tool') continue;
    if (!hasToolCalls(message)) {
      repaired.push(message);
      continue;
    }
    let end = i + 1;
    while (messages[end]?.role === 'tool') end++;
    const group = messages.slice(i + 1, end) as StoredTool[];
    i = end - 1;

    const callIds = new Set(
      message.parts.flatMap((part) => (part.type === 'tool-call' ? [part.id] : [])),
    );
    const answered = new Set<string>();
    const results: StoredTool[] = [];
    for (const toolMessage of group) {
      const parts = toolMessage.parts.filter((part) => {
        if (!callIds.has(part.toolCallId) || answered.has(part.toolCallId)) return false;
        answered.add(part.toolCallId);
        return true;
      });
      if (parts.length === toolMessage.parts.length) results.push(toolMessage);
      else if (parts.length > 0) results.push({ ...toolMessage, parts, repaired: true });
    }

    const parts = message.parts.filter(
      (part) => part.type !== 'tool-call' || answered.has(part.id),
    );
    if (parts.length === message.parts.length) repaired.push(message);
    else if (parts.some((part) => part.type !== 'reasoning'))
      repaired.push({ ...message, parts, repaired: true });
    repaired.push(...results);
  }
  return repaired;
}
