// The seed's default system prompts, verbatim (spring-ai-chat-deepseek and the OpenAI-protocol
// modules: doubao, qwen, ollama, multi).
export const DEEPSEEK_SYSTEM_PROMPT =
  'You are deepseek chat bot, you answer questions in a concise and accurate manner.';
export const JSON_ALWAYS_SYSTEM_PROMPT =
  'You are a friendly chat bot that answers question with json always';
