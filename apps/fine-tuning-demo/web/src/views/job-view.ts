// #/jobs/<id>: one job, live over SSE: the loss curve (redrawn on every `metrics` event), the
// status line, cancel / pause / resume, the job's messages and, once it has succeeded, the side by
// side chat and the compare panel.
import { apiJson, enc } from '../api/client.js';
import { watchEvents } from '../api/event-stream.js';
import { TERMINAL, type JobView, type MetricPoint } from '../api/types.js';
import { h, show } from '../dom.js';
import { formatNumber, t } from '../i18n/i18n.js';
import { showError, statusBadge, statusLine } from './badges.js';
import { comparePanel } from './compare-panel.js';
import { jobControls } from './job-controls.js';
import { lossChart } from './loss-chart.js';
import { sideChat } from './side-chat.js';

export function mountJobView(root: HTMLElement, jobId: string): () => void {
  const path = `/jobs/${enc(jobId)}`;
  const errors = statusLine();
  const line = h('div', { class: 'job-status', id: 'job-status' });
  const chart = h('div', { class: 'chart', id: 'loss-chart' });
  const log = h('ul', { class: 'job-log', id: 'job-log' });
  const extras = h('div', { id: 'job-extras' });
  const points = new Map<number, MetricPoint>();
  const controls = jobControls(jobId, (job) => showJob(job));
  let compare: { stop(): void } | undefined;
  let stopEvents = () => undefined as void;
  let disposed = false;
  let lastStatus = '';
  let current: JobView | undefined;
  let retry: ReturnType<typeof setTimeout> | undefined;

  show(
    root,
    h('h1', {}, t('jobTitle'), ' · ', h('span', { class: 'filename' }, jobId)),
    errors,
    h('section', { class: 'card' }, line, controls.element),
    h('section', { class: 'card' }, h('h2', {}, t('lossCurve')), chart),
    extras,
    h('section', { class: 'card' }, h('h2', {}, t('messages')), log),
  );

  function drawChart(): void {
    show(chart, lossChart([...points.values()].sort((a, b) => a.step - b.step)));
  }

  /** The status, the latest step and train loss, and the latest validation loss there is. */
  function showLine(job: JobView): void {
    const sorted = [...points.values()].sort((a, b) => a.step - b.step);
    const drawn = sorted.at(-1);
    const last = (job.lastMetrics?.step ?? -1) >= (drawn?.step ?? -1) ? job.lastMetrics : drawn;
    const valid =
      last?.validLoss ?? sorted.findLast((p) => typeof p.validLoss === 'number')?.validLoss;
    show(
      line,
      statusBadge(job.status),
      ' ',
      h('span', { class: 'job-model' }, job.fineTunedModel ?? job.model),
      last
        ? ` · ${t('statusLine', { step: last.step, train: formatNumber(last.trainLoss, 3), valid: formatNumber(valid, 3) })}`
        : '',
      job.error ? h('span', { class: 'error' }, ` · ${job.error.message}`) : '',
    );
  }

  function showJob(job: JobView): void {
    current = job;
    showLine(job);
    controls.update(job.status);
    root.dataset.state = job.status;
    if (job.status === 'succeeded' && lastStatus !== 'succeeded') {
      const panel = comparePanel(jobId);
      compare = panel;
      show(extras, sideChat(jobId), panel.element);
    }
    lastStatus = job.status;
  }

  function addPoint(point: MetricPoint): void {
    points.set(point.step, point);
    drawChart();
    if (current) showLine(current);
  }

  function follow(): void {
    stopEvents = watchEvents(`${path}/events`, {
      status: (data) => showJob(data as JobView),
      metrics: (data) => addPoint(data as MetricPoint),
      message: (data) => {
        const { level, message } = data as { level: string; message: string };
        log.append(h('li', { class: `level-${level}` }, message));
      },
      done: (data) => showJob(data as JobView),
      error: () => {
        if (!TERMINAL.some((status) => status === lastStatus))
          retry = setTimeout(() => void load(), 2000);
      },
    });
  }

  async function load(): Promise<void> {
    try {
      const [job, metrics] = await Promise.all([
        apiJson<JobView>(path),
        apiJson<{ points: MetricPoint[] }>(`${path}/metrics`),
      ]);
      if (disposed) return;
      for (const point of metrics.points) points.set(point.step, point);
      drawChart();
      showJob(job);
      log.replaceChildren();
      follow();
    } catch (error) {
      if (!disposed) showError(errors, error);
    }
  }

  void load();
  return () => {
    disposed = true;
    stopEvents();
    clearTimeout(retry);
    compare?.stop();
  };
}
