// The job's cancel / pause / resume buttons, each enabled only in the statuses where the backend
// can do it; a press answers with the job as it now is (or the server's 409 message).
import { apiJson, enc } from '../api/client.js';
import type { JobStatus, JobView } from '../api/types.js';
import { h } from '../dom.js';
import { t } from '../i18n/i18n.js';
import { showError } from './badges.js';

type Action = 'cancel' | 'pause' | 'resume';

const ALLOWED: Record<Action, readonly JobStatus[]> = {
  cancel: ['validating', 'queued', 'running', 'paused'],
  pause: ['running'],
  resume: ['paused'],
};

export interface JobControls {
  element: HTMLElement;
  update(status: JobStatus): void;
}

export function jobControls(jobId: string, onJob: (job: JobView) => void): JobControls {
  const status = h('span', { class: 'status' });
  const buttons = (Object.keys(ALLOWED) as Action[]).map((action) => {
    const button = h('button', { type: 'button', id: `job-${action}`, disabled: true }, t(action));
    button.addEventListener('click', () => {
      button.disabled = true;
      apiJson<JobView>(`/jobs/${enc(jobId)}/${action}`, { method: 'POST' }).then(
        (job) => {
          status.replaceChildren();
          onJob(job);
        },
        (error: unknown) => showError(status, error),
      );
    });
    return [action, button] as const;
  });
  return {
    element: h('div', { class: 'row controls' }, ...buttons.map(([, button]) => button), status),
    update(current) {
      for (const [action, button] of buttons) button.disabled = !ALLOWED[action].includes(current);
    },
  };
}
