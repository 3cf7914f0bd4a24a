// Small shared pieces of the views: a job status badge, an ok/errors badge for a dataset, a date
// and a status line that shows the server's error message.
import type { JobStatus } from '../api/types.js';
import { h, show } from '../dom.js';
import { t } from '../i18n/i18n.js';
import type { MessageKey } from '../i18n/messages.js';

const STATUS_KEYS: Record<JobStatus, MessageKey> = {
  validating: 'statusValidating',
  queued: 'statusQueued',
  running: 'statusRunning',
  paused: 'statusPaused',
  succeeded: 'statusSucceeded',
  failed: 'statusFailed',
  cancelling: 'statusCancelling',
  cancelled: 'statusCancelled',
  unknown: 'statusUnknown',
};

export function statusBadge(status: JobStatus): HTMLSpanElement {
  const label = STATUS_KEYS[status] ? t(STATUS_KEYS[status]) : status;
  return h('span', { class: `badge status-${status}`, 'data-status': status }, label);
}

export function okBadge(ok: boolean): HTMLSpanElement {
  return h('span', { class: `badge ${ok ? 'ok' : 'bad'}` }, ok ? t('ok') : t('hasErrors'));
}

export function formatDate(iso: string | null): string {
  return iso ? new Date(iso).toLocaleString() : '–';
}

export function statusLine(): HTMLDivElement {
  return h('div', { class: 'status', role: 'status', 'aria-live': 'polite' });
}

export function showError(target: Element, error: unknown): void {
  const message = error instanceof Error ? error.message : String(error);
  show(target, h('span', { class: 'error' }, t('error', { message })));
}
