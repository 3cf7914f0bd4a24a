// After a vote in the correction view: the better answer in a textarea to improve. For a tie or
// "both bad" the annotator picks which answer to correct (left first).
import type { Answer, Choice, Task } from '../api/types.js';
import { h } from '../dom.js';
import { t } from '../i18n/i18n.js';

export interface CorrectionChoice {
  answer: Answer;
  text: string;
}

export function correctionForm(
  task: Task,
  choice: Choice,
  actions: { save(correction: CorrectionChoice): void; skip(): void },
): HTMLFormElement {
  let side: 'left' | 'right' = choice === 'right' ? 'right' : 'left';
  const textarea = h('textarea', { id: 'correction-text', rows: 12, value: task[side].text });
  const picker =
    choice === 'tie' || choice === 'both-bad'
      ? h(
          'fieldset',
          { class: 'side-picker' },
          h('legend', {}, t('correctSide')),
          ...(['left', 'right'] as const).map((value) =>
            h(
              'label',
              {},
              h('input', {
                type: 'radio',
                name: 'correct-side',
                value,
                checked: value === side,
                onchange: () => {
                  side = value;
                  textarea.value = task[side].text;
                },
              }),
              t(value === 'left' ? 'answerLeft' : 'answerRight'),
            ),
          ),
        )
      : null;
  const form = h(
    'form',
    { class: 'card correction', id: 'correction-form' },
    h('h2', {}, t('correctTitle')),
    h('p', { class: 'hint' }, t('correctHint')),
    picker,
    textarea,
    h(
      'div',
      { class: 'row' },
      h('button', { type: 'submit', class: 'primary' }, t('save')),
      h('button', { type: 'button', onclick: () => actions.skip() }, t('skip')),
    ),
  );
  const save = () => actions.save({ answer: task[side], text: textarea.value });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    save();
  });
  textarea.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      save();
    } else if (event.key === 'Escape') actions.skip();
  });
  queueMicrotask(() => textarea.focus());
  return form;
}
