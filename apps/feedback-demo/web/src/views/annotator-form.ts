// Asks once for the annotator's name (kept in localStorage by storage.ts).
import { t } from '../i18n/i18n.js';
import { annotatorName, setAnnotatorName } from '../storage.js';
import { singleFieldForm } from './single-field-form.js';

export function annotatorForm(onDone: (name: string) => void): HTMLFormElement {
  return singleFieldForm({
    id: 'annotator-form',
    title: t('annotatorTitle'),
    hint: t('annotatorHint'),
    label: t('annotatorLabel'),
    submit: t('annotatorStart'),
    input: {
      id: 'annotator-name',
      maxlength: 100,
      autocomplete: 'nickname',
      value: annotatorName() ?? '',
    },
    onSubmit(name) {
      if (!name) return;
      setAnnotatorName(name);
      onDone(name);
    },
  });
}
