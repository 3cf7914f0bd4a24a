// 1–5 on each criterion (helpfulness, correctness, clarity) for one answer, as radio groups that
// work with Tab and the arrow keys.
import { CRITERIA, type Scores } from '../api/types.js';
import { h } from '../dom.js';
import { t } from '../i18n/i18n.js';

export interface RatingForm {
  element: HTMLElement;
  /** The scores, or undefined while a criterion is unrated. */
  scores(): Scores | undefined;
}

export function ratingForm(side: 'left' | 'right'): RatingForm {
  const groups = CRITERIA.map((criterion) => {
    const name = `rate-${side}-${criterion}`;
    return h(
      'fieldset',
      { class: 'rating', 'data-criterion': criterion },
      h('legend', {}, t(criterion)),
      ...[1, 2, 3, 4, 5].map((score) =>
        h(
          'label',
          { class: 'score' },
          h('input', {
            type: 'radio',
            name,
            value: score,
            'aria-label': `${t(criterion)} ${score}`,
          }),
          h('span', {}, score),
        ),
      ),
    );
  });
  const element = h('div', { class: 'ratings', 'data-side': side }, ...groups);
  return {
    element,
    scores() {
      const scores: Partial<Scores> = {};
      for (const criterion of CRITERIA) {
        const checked = element.querySelector<HTMLInputElement>(
          `input[name="rate-${side}-${criterion}"]:checked`,
        );
        if (!checked) return undefined;
        scores[criterion] = Number(checked.value);
      }
      return scores as Scores;
    },
  };
}
