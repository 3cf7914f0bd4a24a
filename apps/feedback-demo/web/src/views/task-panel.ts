// One task on screen: the prompt, then the two answers side by side, each rendered as safe
// Markdown (markdown.ts). The answer cards are returned so a view can add to them (ratings, the
// revealed model names).
import type { Task } from '../api/types.js';
import { h } from '../dom.js';
import { t } from '../i18n/i18n.js';
import { renderMarkdown } from '../markdown.js';

export interface TaskPanel {
  element: HTMLElement;
  left: HTMLElement;
  right: HTMLElement;
}

function answerCard(side: 'left' | 'right', text: string): HTMLElement {
  return h(
    'article',
    { class: `answer answer-${side}`, 'data-side': side },
    h('h3', {}, t(side === 'left' ? 'answerLeft' : 'answerRight')),
    h('div', { class: 'markdown answer-text' }, renderMarkdown(text)),
  );
}

export function taskPanel(task: Task): TaskPanel {
  const prompt = h(
    'section',
    { class: 'prompt card', 'aria-label': t('prompt') },
    h('h2', {}, t('prompt')),
    ...task.prompt.map((message) =>
      h(
        'div',
        { class: `message message-${message.role}` },
        message.role === 'user' ? null : h('span', { class: 'role' }, message.role),
        h('div', { class: 'markdown' }, renderMarkdown(message.content)),
      ),
    ),
  );
  const left = answerCard('left', task.left.text);
  const right = answerCard('right', task.right.text);
  const element = h(
    'section',
    { class: 'task', 'data-task-id': task.taskId },
    prompt,
    h('div', { class: 'answers' }, left, right),
  );
  return { element, left, right };
}

/** Shows which model wrote each answer, under the answers' headings. */
export function revealModels(panel: TaskPanel, reveal: { left: string; right: string }): void {
  for (const [card, model] of [
    [panel.left, reveal.left],
    [panel.right, reveal.right],
  ] as const) {
    card.querySelector('.model-name')?.remove();
    card.querySelector('h3')?.after(h('p', { class: 'model-name' }, model));
  }
}
