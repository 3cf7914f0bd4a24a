// A card with one labelled field and a submit button: the annotator's name, the admin token.
import { h, type Props } from '../dom.js';

export interface SingleFieldForm {
  id: string;
  title: string;
  hint: string;
  label: string;
  submit: string;
  /** The input's attributes; its id is `${id}-input` unless given. */
  input: Props;
  onSubmit(value: string): void;
}

export function singleFieldForm(options: SingleFieldForm): HTMLFormElement {
  const inputId = typeof options.input.id === 'string' ? options.input.id : `${options.id}-input`;
  const input = h('input', { required: true, ...options.input, id: inputId });
  const form = h(
    'form',
    { class: 'card narrow', id: options.id },
    h('h2', {}, options.title),
    h('p', { class: 'hint' }, options.hint),
    h('label', { for: inputId }, options.label),
    input,
    h('button', { type: 'submit', class: 'primary' }, options.submit),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    options.onSubmit(input.value.trim());
  });
  queueMicrotask(() => input.focus());
  return form;
}
