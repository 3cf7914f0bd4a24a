// The results page's tables: the leaderboard (model, rating, interval, wins/losses/ties,
// battles) and the agreement figures with one row per annotator.
import type { Agreement, Leaderboard } from '../api/types.js';
import { h } from '../dom.js';
import { formatNumber, t } from '../i18n/i18n.js';
import type { MessageKey } from '../i18n/messages.js';

function table(
  id: string,
  headers: MessageKey[],
  rows: Array<Array<string | number>>,
): HTMLTableElement {
  return h(
    'table',
    { id },
    h('thead', {}, h('tr', {}, ...headers.map((key) => h('th', { scope: 'col' }, t(key))))),
    h('tbody', {}, ...rows.map((cells) => h('tr', {}, ...cells.map((cell) => h('td', {}, cell))))),
  );
}

export function leaderboardTable(board: Leaderboard): HTMLTableElement {
  return table(
    'leaderboard-table',
    ['model', 'rating', 'interval', 'winsLossesTies', 'battles'],
    board.models.map((row) => [
      row.model,
      row.rating.toFixed(0),
      `${row.lower.toFixed(0)}–${row.upper.toFixed(0)}`,
      `${row.wins} / ${row.losses} / ${row.ties}`,
      row.battles,
    ]),
  );
}

const percent = (value: number | null) => (value === null ? '–' : `${(value * 100).toFixed(1)}%`);

export function agreementSection(agreement: Agreement): HTMLElement {
  const bias = agreement.positionBias;
  const interval =
    bias.lower === null || bias.upper === null
      ? ''
      : ` [${percent(bias.lower)}, ${percent(bias.upper)}]`;
  const figures: Array<[MessageKey, string]> = [
    ['items', String(agreement.items)],
    ['votes', String(agreement.votes)],
    ['annotators', String(agreement.annotators)],
    ['rawAgreement', percent(agreement.rawAgreement)],
    ['alpha', formatNumber(agreement.krippendorffAlpha, 3)],
    [
      'positionBias',
      `${percent(bias.leftShare)}${interval} · ${t('decisive', { n: bias.decisive })}`,
    ],
  ];
  return h(
    'div',
    { class: 'agreement' },
    h(
      'dl',
      { class: 'figures' },
      ...figures.flatMap(([key, value]) => [
        h('dt', {}, t(key)),
        h('dd', { 'data-figure': key }, value),
      ]),
    ),
    table(
      'annotator-table',
      ['annotator', 'votes', 'agreementWithConsensus', 'goldAccuracy', 'flags'],
      agreement.perAnnotator.map((row) => [
        row.annotator,
        row.votes,
        percent(row.agreementWithConsensus),
        percent(row.goldAccuracy),
        row.flags.join(', '),
      ]),
    ),
  );
}
