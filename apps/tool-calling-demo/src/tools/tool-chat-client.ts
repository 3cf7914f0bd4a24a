// The ChatClient both features use: AiModule's model (the embedded one without a key) with this
// app's system prompt and loop limit. Tools are not defaults: each request picks its own.
import type { Provider } from '@nestjs/common';
import { createChatClient, type ChatClient } from '@repo/chat';
import { AI_CHAT_CLIENT } from '@repo/nest';
import type { AppConfig } from '../app-config.js';
import { APP_CONFIG } from '@repo/nest';

export const TOOL_CHAT_CLIENT = Symbol('TOOL_CHAT_CLIENT');

export const TOOLS_SYSTEM_PROMPT =
  'You are a helpful assistant with tools. Call a tool when it can answer, never make up a ' +
  "tool's result, and answer in the user's language.";

export const toolChatClientProvider: Provider = {
  provide: TOOL_CHAT_CLIENT,
  useFactory: (base: ChatClient, config: AppConfig): ChatClient =>
    createChatClient(base.model, {
      system: TOOLS_SYSTEM_PROMPT,
      maxToolIterations: config.TOOLS_MAX_ITERATIONS,
    }),
  inject: [AI_CHAT_CLIENT, APP_CONFIG],
};
