// #/results/<id>: the campaign's generation progress (live, over SSE), the leaderboard as a chart
// and a table, the agreement figures and the training-data downloads. A 401 asks for the admin
// token, then loads again.
import { apiJson } from '../api/client.js';
import { watchProgress } from '../api/progress-stream.js';
import type { Agreement, Campaign, Leaderboard, Progress } from '../api/types.js';
import { h, show } from '../dom.js';
import { t } from '../i18n/i18n.js';
import { showApiError } from './admin-token-form.js';
import { exportLinks } from './export-links.js';
import { leaderboardChart } from './leaderboard-chart.js';
import { agreementSection, leaderboardTable } from './results-tables.js';

export function mountResultsView(root: HTMLElement, campaignId: string): () => void {
  const base = `/campaigns/${encodeURIComponent(campaignId)}`;
  const title = h('h1', {}, t('resultsTitle'));
  const status = h('div', { class: 'status', role: 'status', 'aria-live': 'polite' });
  const generation = h('section', { class: 'card', id: 'generation' });
  const board = h('section', { class: 'card', id: 'leaderboard' });
  const agreement = h('section', { class: 'card', id: 'agreement' });
  const refresh = h('button', { type: 'button', onclick: () => void load() }, t('refresh'));
  let stopWatching = () => undefined as void;
  let disposed = false;

  show(
    root,
    h('header', { class: 'row' }, title, refresh),
    status,
    generation,
    board,
    agreement,
    h(
      'section',
      { class: 'card', id: 'exports' },
      h('h2', {}, t('exports')),
      exportLinks(campaignId, onError),
    ),
  );

  function onError(error: unknown): void {
    if (!disposed) showApiError(status, error, () => void load());
  }

  function showProgress(progress: Progress): void {
    const bar = h('progress', {
      max: Math.max(1, progress.total),
      value: progress.done + progress.failed,
    });
    const text = progress.finished ? t('generationDone') : t('generationProgress', progress);
    show(
      generation,
      h('h2', {}, t('generation')),
      bar,
      ' ',
      h('span', { class: 'progress-text' }, text),
    );
  }

  function showCampaign(campaign: Campaign): void {
    title.textContent = `${t('resultsTitle')} · ${campaign.name}`;
    showProgress(campaign.progress);
  }

  function showBoard(data: Leaderboard): void {
    const summary = h('p', { class: 'hint' }, t('battlesSummary', data));
    if (data.models.length === 0 || data.battles === 0)
      return show(board, h('h2', {}, t('leaderboard')), h('p', {}, t('noBattles')));
    show(
      board,
      h('h2', {}, t('leaderboard')),
      summary,
      h('div', { class: 'chart' }, leaderboardChart(data.models)),
      leaderboardTable(data),
    );
  }

  function watch(campaign: Campaign): void {
    stopWatching();
    if (campaign.progress.finished) return;
    stopWatching = watchProgress(campaignId, {
      progress: showProgress,
      done: (finished) => {
        showCampaign(finished);
        void load();
      },
      error: () => undefined,
    });
  }

  async function load(): Promise<void> {
    show(status, t('loading'));
    try {
      const [campaign, leaderboard, agreementData] = await Promise.all([
        apiJson<Campaign>(base, { campaignId }),
        apiJson<Leaderboard>(`${base}/leaderboard`, { campaignId }),
        apiJson<Agreement>(`${base}/agreement`, { campaignId }),
      ]);
      if (disposed) return;
      show(status);
      showCampaign(campaign);
      showBoard(leaderboard);
      show(agreement, h('h2', {}, t('agreement')), agreementSection(agreementData));
      watch(campaign);
    } catch (error) {
      onError(error);
    }
  }

  void load();
  return () => {
    disposed = true;
    stopWatching();
  };
}
