// The comparison's default held-out set, used when the job has no validation dataset and none is
// given: short questions in the style of the trainer's bundled data (English and Chinese), each
// with the answer a tuned model should come close to (the judge's reference).
export interface HeldOutCase {
  prompt: string;
  reference: string;
}

export const HELD_OUT: readonly HeldOutCase[] = [
  {
    prompt: 'What is an optimizer?',
    reference: 'Sure. The optimizer updates the weights to lower the loss.',
  },
  {
    prompt: 'Define overfitting.',
    reference: 'Sure. Overfitting is when a model learns its training data too well.',
  },
  {
    prompt: 'What is a token?',
    reference: 'Sure. A token is a small piece of text the model reads.',
  },
  {
    prompt: 'Why do we use a validation set?',
    reference: 'Sure. It shows how the model does on data it never trained on.',
  },
  {
    prompt: 'What does the loss measure?',
    reference: 'Sure. The loss measures how far the answers are from the targets.',
  },
  { prompt: 'How are you today?', reference: 'Sure. I am well, thank you for asking.' },
  { prompt: '什么是学习率？', reference: '好的。学习率是优化器每一步走多远。' },
  { prompt: '什么是微调？', reference: '好的。微调是在少量特别的例子上再训练一个预训练模型。' },
  { prompt: '推荐一本书。', reference: '好的。找一本短小的散文集，慢慢读。' },
  { prompt: '今天天气怎么样？', reference: '好的。我看不到窗外，但愿今天是晴天。' },
];
