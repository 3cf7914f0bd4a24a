// Injection token of the steps' ConversationStore, and the bound on one conversation's memory.
export const CONVERSATION_STORE = Symbol('CONVERSATION_STORE');

/** A conversation that long is refused a new message (409): memory stays bounded per conversation. */
export const MAX_CONVERSATION_MESSAGES = 200;
