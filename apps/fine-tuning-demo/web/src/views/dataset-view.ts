// #/datasets/<id>: a dataset's validation report as a page (banner, issues, statistics, the cost
// estimate) and the form that submits a job trained on it.
import { apiJson, enc } from '../api/client.js';
import type { Backends, Dataset } from '../api/types.js';
import { h, show } from '../dom.js';
import { t } from '../i18n/i18n.js';
import { showError, statusLine } from './badges.js';
import { jobForm } from './job-form.js';
import { estimateSection, issueTable, reportBanner, statsSection } from './report-tables.js';

export function mountDatasetView(root: HTMLElement, id: string): () => void {
  const status = statusLine();
  let disposed = false;
  show(root, h('h1', {}, t('reportTitle')), status);
  show(status, t('loading'));

  async function load(): Promise<void> {
    try {
      const [dataset, backends] = await Promise.all([
        apiJson<Dataset>(`/datasets/${enc(id)}`),
        apiJson<Backends>('/backends'),
      ]);
      if (disposed) return;
      show(
        root,
        h('h1', {}, t('reportTitle'), ' · ', h('span', { class: 'filename' }, dataset.filename)),
        dataset.source && dataset.source !== 'upload'
          ? h('p', { class: 'hint' }, dataset.source)
          : null,
        reportBanner(dataset),
        issueTable(dataset),
        statsSection(dataset),
        estimateSection(dataset.estimate),
        jobForm(dataset, backends),
      );
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
