// #/jobs: every job (newest first) with its status badge, reloaded every few seconds while any
// job has not reached a terminal status.
import { apiJson } from '../api/client.js';
import { TERMINAL, type JobView } from '../api/types.js';
import { h, show } from '../dom.js';
import { formatNumber, t } from '../i18n/i18n.js';
import { jobLink } from '../router.js';
import { formatDate, showError, statusBadge, statusLine } from './badges.js';

const REFRESH_MS = 2000;

function jobTable(jobs: JobView[]): HTMLElement {
  if (jobs.length === 0) return h('p', { class: 'hint' }, t('noJobs'));
  const head = [
    t('job'),
    t('status'),
    t('backend'),
    t('model'),
    t('method'),
    t('lastLoss'),
    t('created'),
  ];
  return h(
    'table',
    { class: 'jobs' },
    h('thead', {}, h('tr', {}, ...head.map((cell) => h('th', {}, cell)))),
    h(
      'tbody',
      {},
      ...jobs.map((job) =>
        h(
          'tr',
          { 'data-id': job.id, 'data-status': job.status },
          h('td', {}, h('a', { href: jobLink(job.id) }, job.alias ?? job.id)),
          h('td', {}, statusBadge(job.status)),
          h('td', {}, job.backend),
          h('td', {}, job.fineTunedModel ?? job.model),
          h('td', {}, job.method),
          h('td', { class: 'num' }, formatNumber(job.lastMetrics?.trainLoss, 3)),
          h('td', {}, formatDate(job.createdAt)),
        ),
      ),
    ),
  );
}

export function mountJobsView(root: HTMLElement): () => void {
  const status = statusLine();
  const list = h('section', { class: 'card', id: 'jobs' });
  let timer: ReturnType<typeof setTimeout> | undefined;
  let disposed = false;
  show(root, h('h1', {}, t('jobsTitle')), status, list);

  async function load(): Promise<void> {
    try {
      const { data } = await apiJson<{ data: JobView[] }>('/jobs');
      if (disposed) return;
      show(status);
      show(list, jobTable(data));
      const live = data.some((job) => !TERMINAL.includes(job.status));
      root.dataset.state = live ? 'live' : 'ready';
      if (live) timer = setTimeout(() => void load(), REFRESH_MS);
    } catch (error) {
      if (!disposed) showError(status, error);
    }
  }

  void load();
  return () => {
    disposed = true;
    clearTimeout(timer);
  };
}
