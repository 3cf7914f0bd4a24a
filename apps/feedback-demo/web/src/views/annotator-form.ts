// Asks once for the annotator's name (kept in localStorage by storage.ts).
import { h } from '../dom.js';
import { t } from '../i18n/i18n.js';
import { annotatorName, setAnnotatorName } from '../storage.js';

export function annotatorForm(onDone: (name: string) => void): HTMLFormElement {
  const input = h('input', {
    id: 'annotator-name',
    name: 'annotator',
    required: true,
    maxlength: 100,
    autocomplete: 'nickname',
    value: annotatorName() ?? '',
  });
  const form = h(
    'form',
    { class: 'card narrow', id: 'annotator-form' },
    h('h2', {}, t('annotatorTitle')),
    h('p', { class: 'hint' }, t('annotatorHint')),
    h('label', { for: 'annotator-name' }, t('annotatorLabel')),
    input,
    h('button', { type: 'submit', class: 'primary' }, t('annotatorStart')),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const name = input.value.trim();
    if (!name) return;
    setAnnotatorName(name);
    onDone(name);
  });
  queueMicrotask(() => input.focus());
  return form;
}
