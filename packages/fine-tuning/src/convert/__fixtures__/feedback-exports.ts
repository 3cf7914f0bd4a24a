// Lines written by @repo/feedback's exportFeedback, copied byte for byte from its tests
// (packages/feedback/src/export/export-formats.test.ts: one pairwise vote where answer b beat
// answer a, one correction, and thumbs). Producing them here would need its PGlite store, which
// this package does not depend on; the formats are OpenAI's and TRL's, read by openai-rows.ts and
// trl-rows.ts.
export const SYSTEM = { role: 'system', content: '你是一位耐心的老师。' } as const;
export const USER = { role: 'user', content: '用一句话解释什么是大语言模型。' } as const;
export const CHOSEN = { role: 'assistant', content: '大语言模型就是很大的模型。' } as const;
export const REJECTED = {
  role: 'assistant',
  content: '大语言模型是在海量文本上训练、能够理解和生成自然语言的神经网络。',
} as const;

export const FEEDBACK_EXPORTS = {
  'sft-openai':
    '{"messages":[{"role":"system","content":"你是一位耐心的老师。"},{"role":"user","content":"用一句话解释什么是大语言模型。"},{"role":"assistant","content":"大语言模型是用海量文本训练、能理解和生成语言的神经网络。"}]}',
  'dpo-openai':
    '{"input":{"messages":[{"role":"system","content":"你是一位耐心的老师。"},{"role":"user","content":"用一句话解释什么是大语言模型。"}]},"preferred_output":[{"role":"assistant","content":"大语言模型就是很大的模型。"}],"non_preferred_output":[{"role":"assistant","content":"大语言模型是在海量文本上训练、能够理解和生成自然语言的神经网络。"}]}',
  'dpo-trl':
    '{"prompt":[{"role":"system","content":"你是一位耐心的老师。"},{"role":"user","content":"用一句话解释什么是大语言模型。"}],"chosen":[{"role":"assistant","content":"大语言模型就是很大的模型。"}],"rejected":[{"role":"assistant","content":"大语言模型是在海量文本上训练、能够理解和生成自然语言的神经网络。"}]}',
  'rm-pairs':
    '{"chosen":[{"role":"system","content":"你是一位耐心的老师。"},{"role":"user","content":"用一句话解释什么是大语言模型。"},{"role":"assistant","content":"大语言模型就是很大的模型。"}],"rejected":[{"role":"system","content":"你是一位耐心的老师。"},{"role":"user","content":"用一句话解释什么是大语言模型。"},{"role":"assistant","content":"大语言模型是在海量文本上训练、能够理解和生成自然语言的神经网络。"}]}',
  kto: '{"prompt":[{"role":"system","content":"你是一位耐心的老师。"},{"role":"user","content":"用一句话解释什么是大语言模型。"}],"completion":[{"role":"assistant","content":"大语言模型是在海量文本上训练、能够理解和生成自然语言的神经网络。"}],"label":false}',
};
