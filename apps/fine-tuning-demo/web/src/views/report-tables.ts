// The validation report's parts: the ok / errors banner, the issue table, the statistics and the
// cost estimate. Every value from the file (messages, fields, role names) goes in as text.
import type { Dataset, Estimate, Summary } from '../api/types.js';
import { h } from '../dom.js';
import { formatNumber, t } from '../i18n/i18n.js';

function table(head: string[], rows: (string | number)[][], props = {}): HTMLTableElement {
  return h(
    'table',
    props,
    h('thead', {}, h('tr', {}, ...head.map((cell) => h('th', {}, cell)))),
    h('tbody', {}, ...rows.map((row) => h('tr', {}, ...row.map((cell) => h('td', {}, cell))))),
  );
}

export function reportBanner(dataset: Dataset): HTMLElement {
  const errors = dataset.issues.filter((issue) => issue.severity === 'error').length;
  const warnings = dataset.issues.filter((issue) => issue.severity === 'warning').length;
  const text = dataset.ok
    ? t('bannerOk', { examples: dataset.stats.examples, warnings })
    : t('bannerErrors', { errors, warnings });
  return h(
    'div',
    { class: `banner ${dataset.ok ? 'ok' : 'bad'}`, id: 'banner', 'data-ok': String(dataset.ok) },
    text,
  );
}

export function issueTable(dataset: Dataset): HTMLElement {
  const section = h('section', { class: 'card', id: 'issues' }, h('h2', {}, t('issues')));
  if (dataset.issues.length === 0) section.append(h('p', { class: 'hint' }, t('noIssues')));
  else
    section.append(
      table(
        [t('line'), t('severity'), t('code'), t('message')],
        dataset.issues.map((issue) => [
          issue.line ?? '–',
          issue.severity === 'error' ? t('severityError') : t('severityWarning'),
          issue.code,
          issue.field ? `${issue.field}: ${issue.message}` : issue.message,
        ]),
        { class: 'issues' },
      ),
    );
  if (dataset.issuesTotal > dataset.issues.length)
    section.append(
      h(
        'p',
        { class: 'hint' },
        t('issuesCapped', { shown: dataset.issues.length, total: dataset.issuesTotal }),
      ),
    );
  return section;
}

const figure = (value: number) => (Number.isInteger(value) ? value : formatNumber(value, 1));
const summaryRow = (label: string, s: Summary) => [
  label,
  figure(s.p50),
  figure(s.p95),
  figure(s.max),
];

export function statsSection(dataset: Dataset): HTMLElement {
  const { stats } = dataset;
  const figures: [string, string, string | number][] = [
    ['format', t('format'), dataset.format],
    ['examples', t('examples'), stats.examples],
    ['truncated', t('truncated'), stats.truncated],
    ['tool-use', t('toolUse'), stats.toolUse],
    ['duplicates', t('duplicates'), stats.duplicates],
  ];
  return h(
    'section',
    { class: 'card', id: 'stats' },
    h('h2', {}, t('statistics')),
    h(
      'dl',
      { class: 'figures' },
      ...figures.flatMap(([key, label, value]) => [
        h('dt', {}, label),
        h('dd', { id: `stat-${key}` }, value),
      ]),
    ),
    table(
      ['', 'p50', 'p95', 'max'],
      [
        summaryRow(t('messagesPerExample'), stats.messages),
        summaryRow(t('tokensPerExample'), stats.tokens),
        summaryRow(t('assistantTokens'), stats.assistantTokens),
      ],
      { class: 'summaries' },
    ),
    table(
      [t('role'), t('count')],
      Object.entries(stats.roles).map(([role, count]) => [role, count]),
      { class: 'roles' },
    ),
  );
}

export function estimateSection(estimate: Estimate | null): HTMLElement {
  const section = h('section', { class: 'card', id: 'estimate' }, h('h2', {}, t('estimate')));
  if (!estimate) {
    section.append(h('p', { class: 'hint' }, t('noEstimate')));
    return section;
  }
  const price =
    estimate.priceUsd === null ? t('priceUnknown') : `$${formatNumber(estimate.priceUsd, 4)}`;
  section.append(
    h(
      'dl',
      { class: 'figures' },
      ...[
        [t('model'), estimate.model],
        [t('epochs'), estimate.epochs],
        [t('billedTokens'), estimate.billedTokens.toLocaleString()],
        [t('price'), price],
      ].flatMap(([label, value]) => [h('dt', {}, label), h('dd', {}, value)]),
    ),
  );
  if (estimate.note) section.append(h('p', { class: 'hint' }, estimate.note));
  return section;
}
