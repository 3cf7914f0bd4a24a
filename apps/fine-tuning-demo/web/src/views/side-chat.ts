// Chat side by side, once a job has succeeded: one prompt, the base model's and the tuned model's
// answers in two columns. Answers are model output: plain text, inserted as text only.
import { apiJson, enc } from '../api/client.js';
import type { Answer } from '../api/types.js';
import { h, show } from '../dom.js';
import { t } from '../i18n/i18n.js';
import { showError } from './badges.js';

function column(side: 'base' | 'tuned', answer?: Answer): HTMLElement {
  return h(
    'div',
    { class: `answer answer-${side}` },
    h('h3', {}, side === 'base' ? t('baseModel') : t('tunedModel')),
    answer ? h('p', { class: 'model-name' }, answer.model, ' · ', `${answer.ms} ms`) : null,
    h('div', { class: 'answer-text' }, answer?.text ?? ''),
  );
}

export function sideChat(jobId: string): HTMLElement {
  const prompt = h('textarea', {
    id: 'chat-prompt',
    rows: 3,
    maxlength: 4000,
    placeholder: t('chatPlaceholder'),
  });
  const send = h('button', { type: 'submit', class: 'primary', id: 'chat-send' }, t('send'));
  const status = h('div', { class: 'status', role: 'status', 'aria-live': 'polite' });
  const answers = h(
    'div',
    { class: 'answers', id: 'chat-answers' },
    column('base'),
    column('tuned'),
  );
  const form = h(
    'form',
    { id: 'chat-form' },
    h('label', { for: 'chat-prompt' }, t('prompt')),
    prompt,
    send,
  );

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const text = prompt.value.trim();
    if (!text) return;
    send.disabled = true;
    show(status, t('thinking'));
    answers.dataset.state = 'waiting';
    apiJson<{ base: Answer; tuned: Answer }>(`/jobs/${enc(jobId)}/chat`, {
      method: 'POST',
      body: { prompt: text },
    })
      .then(
        (reply) => {
          show(status);
          show(answers, column('base', reply.base), column('tuned', reply.tuned));
          answers.dataset.state = 'answered';
        },
        (error: unknown) => showError(status, error),
      )
      .finally(() => (send.disabled = false));
  });
  return h(
    'section',
    { class: 'card', id: 'chat' },
    h('h2', {}, t('chatTitle')),
    form,
    status,
    answers,
  );
}
