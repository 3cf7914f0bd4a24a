// The four choices and undo, as buttons labelled with their keys (1/2/3/4, u), plus the keyboard
// handler that presses them. Keys typed into a text field or textarea are left alone.
import type { Choice } from '../api/types.js';
import { h } from '../dom.js';
import { t } from '../i18n/i18n.js';
import type { MessageKey } from '../i18n/messages.js';

export const CHOICE_KEYS: ReadonlyArray<[key: string, choice: Choice, label: MessageKey]> = [
  ['1', 'left', 'choiceLeft'],
  ['2', 'right', 'choiceRight'],
  ['3', 'tie', 'choiceTie'],
  ['4', 'both-bad', 'choiceBothBad'],
];

export interface VoteControls {
  element: HTMLElement;
  setEnabled(choices: boolean, undo: boolean): void;
  /** Listens on the document; returns the function that stops listening. */
  listen(): () => void;
}

const TYPING = 'input:not([type=radio]):not([type=checkbox]), textarea, select, [contenteditable]';

export function voteControls(actions: { vote(choice: Choice): void; undo(): void }): VoteControls {
  const choiceButtons = CHOICE_KEYS.map(([key, choice, label]) =>
    h(
      'button',
      {
        type: 'button',
        class: `choice choice-${choice}`,
        'data-choice': choice,
        'aria-keyshortcuts': key,
        onclick: () => actions.vote(choice),
      },
      h('kbd', {}, key),
      ' ',
      t(label),
    ),
  );
  const undoButton = h(
    'button',
    {
      type: 'button',
      class: 'undo',
      'aria-keyshortcuts': 'U Control+Z',
      onclick: () => actions.undo(),
    },
    h('kbd', {}, 'u'),
    ' ',
    t('undo'),
  );
  const element = h(
    'div',
    { class: 'vote-controls' },
    h('div', { class: 'choices' }, ...choiceButtons, undoButton),
    h('p', { class: 'hint' }, t('undoHint')),
  );
  const onKey = (event: KeyboardEvent) => {
    if (event.target instanceof Element && event.target.closest(TYPING)) return;
    if (event.repeat || event.altKey) return;
    const modifier = event.ctrlKey || event.metaKey;
    if (
      (modifier && event.key.toLowerCase() === 'z' && !event.shiftKey) ||
      (!modifier && event.key.toLowerCase() === 'u')
    ) {
      event.preventDefault();
      actions.undo();
      return;
    }
    const match = !modifier && CHOICE_KEYS.find(([key]) => key === event.key);
    if (!match) return;
    event.preventDefault();
    actions.vote(match[1]);
  };
  return {
    element,
    setEnabled(choices, undo) {
      for (const button of choiceButtons) button.disabled = !choices;
      undoButton.disabled = !undo;
    },
    listen() {
      document.addEventListener('keydown', onKey);
      return () => document.removeEventListener('keydown', onKey);
    },
  };
}
