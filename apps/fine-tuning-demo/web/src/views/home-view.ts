// #/: the upload box and the datasets uploaded so far (newest first), each with its format,
// example count and ok/errors badge, linking to its report.
import { apiJson } from '../api/client.js';
import type { Dataset } from '../api/types.js';
import { h, show } from '../dom.js';
import { t } from '../i18n/i18n.js';
import { datasetLink } from '../router.js';
import { formatDate, okBadge, showError, statusLine } from './badges.js';
import { uploadBox } from './upload-box.js';

function datasetTable(datasets: Dataset[]): HTMLElement {
  if (datasets.length === 0) return h('p', { class: 'hint' }, t('noDatasets'));
  return h(
    'table',
    { class: 'datasets' },
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        ...[t('file'), t('format'), t('examples'), t('check'), t('created')].map((c) =>
          h('th', {}, c),
        ),
      ),
    ),
    h(
      'tbody',
      {},
      ...datasets.map((dataset) =>
        h(
          'tr',
          { 'data-id': dataset.id },
          h('td', {}, h('a', { href: datasetLink(dataset.id) }, dataset.filename)),
          h('td', {}, dataset.format),
          h('td', { class: 'num' }, dataset.stats.examples),
          h('td', {}, okBadge(dataset.ok)),
          h('td', {}, formatDate(dataset.createdAt)),
        ),
      ),
    ),
  );
}

export function mountHomeView(root: HTMLElement): () => void {
  const status = statusLine();
  const list = h('section', { class: 'card', id: 'datasets' }, h('h2', {}, t('datasets')));
  let disposed = false;
  show(root, h('h1', {}, t('datasetsTitle')), uploadBox(), status, list);

  async function load(): Promise<void> {
    try {
      const { data } = await apiJson<{ data: Dataset[] }>('/datasets');
      if (disposed) return;
      show(list, h('h2', {}, t('datasets')), datasetTable(data));
      root.dataset.state = 'ready';
    } catch (error) {
      if (!disposed) showError(status, error);
    }
  }

  void load();
  return () => {
    disposed = true;
  };
}
