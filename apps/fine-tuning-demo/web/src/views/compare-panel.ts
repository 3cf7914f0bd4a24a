// The "compare" button: a pairwise judge over a held-out set, base against tuned. Its progress
// comes over SSE; the result is the win rate and one row per prompt (both answers as text).
import { apiJson, ApiError, enc } from '../api/client.js';
import { watchEvents } from '../api/event-stream.js';
import type { Compare } from '../api/types.js';
import { h, show } from '../dom.js';
import { formatNumber, t } from '../i18n/i18n.js';
import { showError } from './badges.js';

function resultView(compare: Compare): HTMLElement {
  const result = compare.result;
  if (!result)
    return h('p', { class: 'error' }, t('error', { message: compare.error ?? compare.status }));
  const verdicts = { tuned: t('verdictTuned'), base: t('verdictBase'), tie: t('verdictTie') };
  return h(
    'div',
    { id: 'compare-result' },
    h(
      'p',
      { class: 'win-rate' },
      t('winRate', { ...result, rate: formatNumber(result.winRate * 100, 1) }),
    ),
    h('p', { class: 'hint' }, t('judge', { judge: result.judge })),
    h(
      'table',
      { class: 'compare-rows' },
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          ...[t('prompt'), t('baseModel'), t('tunedModel'), t('verdict'), t('reason')].map((c) =>
            h('th', {}, c),
          ),
        ),
      ),
      h(
        'tbody',
        {},
        ...result.rows.map((row) =>
          h(
            'tr',
            { 'data-verdict': row.verdict },
            h('td', {}, row.prompt),
            h('td', {}, row.base),
            h('td', {}, row.tuned),
            h('td', {}, verdicts[row.verdict] ?? row.verdict),
            h('td', {}, row.reason),
          ),
        ),
      ),
    ),
  );
}

export function comparePanel(jobId: string): { element: HTMLElement; stop(): void } {
  const start = h('button', { type: 'button', id: 'compare-start' }, t('compare'));
  const limit = h('input', { id: 'compare-limit', type: 'number', min: 1, max: 100, value: 20 });
  const bar = h('progress', { max: 1, value: 0, hidden: true });
  const status = h('span', { class: 'progress-text' });
  const output = h('div', {});
  let stop = () => undefined as void;

  function finish(compare: Compare): void {
    bar.hidden = true;
    start.disabled = false;
    show(status);
    show(output, resultView(compare));
  }

  start.addEventListener('click', () => {
    start.disabled = true;
    show(output);
    apiJson<{ id: string }>(`/jobs/${enc(jobId)}/compare`, {
      method: 'POST',
      body: { limit: limit.valueAsNumber || 20 },
    }).then(
      ({ id }) => {
        bar.hidden = false;
        show(status, t('comparing'));
        stop = watchEvents(`/compares/${enc(id)}/events`, {
          progress: (data) => {
            const { done, total } = data as Compare['progress'];
            bar.max = Math.max(1, total);
            bar.value = done;
            show(status, t('compareProgress', { done, total }));
          },
          done: (data) => finish(data as Compare),
          error: () =>
            void apiJson<Compare>(`/compares/${enc(id)}`).then(finish, (e: unknown) =>
              showError(status, e),
            ),
        });
      },
      (error: unknown) => {
        start.disabled = false;
        showError(status, error);
        if (error instanceof ApiError && error.status === 429 && error.retryAfterS)
          status.append(' ', t('retryAfter', { seconds: error.retryAfterS }));
      },
    );
  });
  const element = h(
    'section',
    { class: 'card', id: 'compare' },
    h('h2', {}, t('compareTitle')),
    h('p', { class: 'hint' }, t('compareHint')),
    h('label', { for: 'compare-limit' }, t('compareLimit')),
    h('div', { class: 'row' }, limit, start, bar, status),
    output,
  );
  return { element, stop: () => stop() };
}
