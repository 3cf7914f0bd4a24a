// The "submit job" form of a report: backend and base model (from GET /backends), method, epochs,
// batch size, suffix and alias. Each click of Submit gets its own Idempotency-Key; "Retry" after a
// failure sends the same request with the same key, so a job is never created twice.
import { ApiError, apiJson } from '../api/client.js';
import type { Backends, Dataset, JobRequest, JobView } from '../api/types.js';
import { h, show } from '../dom.js';
import { t } from '../i18n/i18n.js';
import { jobLink } from '../router.js';
import { showError } from './badges.js';

function field(label: string, control: HTMLElement): HTMLElement {
  return h('div', { class: 'field' }, h('label', { for: control.id }, label), control);
}

const numberInput = (id: string, value: number) =>
  h('input', { id, type: 'number', min: 1, step: 1, value, inputmode: 'numeric' });

export function jobForm(dataset: Dataset, backends: Backends): HTMLElement {
  const usable = backends.backends.filter((backend) => backend.configured);
  const backend = h(
    'select',
    { id: 'job-backend' },
    ...usable.map((b) =>
      h('option', { value: b.name, selected: b.name === backends.default }, b.name),
    ),
  );
  const model = h('select', { id: 'job-model' });
  const method = h(
    'select',
    { id: 'job-method' },
    h('option', { value: 'supervised', selected: dataset.format !== 'dpo' }, t('methodSft')),
    h('option', { value: 'dpo', selected: dataset.format === 'dpo' }, t('methodDpo')),
  );
  const epochs = numberInput('job-epochs', 1);
  const batchSize = numberInput('job-batch-size', 8);
  const suffix = h('input', { id: 'job-suffix', maxlength: 40 });
  const alias = h('input', { id: 'job-alias', maxlength: 64 });
  const submit = h(
    'button',
    { type: 'submit', class: 'primary', id: 'job-submit' },
    t('submitJob'),
  );
  const status = h('div', { class: 'status', role: 'status', 'aria-live': 'polite' });

  function fillModels(): void {
    const models = usable.find((b) => b.name === backend.value)?.baseModels ?? [];
    show(model, ...models.map((name) => h('option', { value: name }, name)));
  }

  function request(): JobRequest {
    return {
      trainingDataset: dataset.id,
      backend: backend.value,
      model: model.value || undefined,
      method: method.value === 'dpo' ? 'dpo' : 'supervised',
      hyperparameters: { nEpochs: epochs.valueAsNumber, batchSize: batchSize.valueAsNumber },
      suffix: suffix.value.trim() || undefined,
      alias: alias.value.trim() || undefined,
    };
  }

  async function send(body: JobRequest, key: string): Promise<void> {
    submit.disabled = true;
    show(status, t('submitting'));
    try {
      const job = await apiJson<JobView>('/jobs', {
        method: 'POST',
        body,
        headers: { 'Idempotency-Key': key },
      });
      location.hash = jobLink(job.id);
    } catch (error) {
      submit.disabled = false;
      showError(status, error);
      const again = h('button', { type: 'button', id: 'job-retry' }, t('retry'));
      again.addEventListener('click', () => void send(body, key));
      if (!(error instanceof ApiError) || error.status === 0 || error.status >= 429)
        status.append(' ', again);
      if (error instanceof ApiError && error.retryAfterS)
        status.append(' ', t('retryAfter', { seconds: error.retryAfterS }));
    }
  }

  backend.addEventListener('change', fillModels);
  fillModels();
  const form = h(
    'form',
    { class: 'job-form', id: 'job-form', novalidate: true },
    h(
      'div',
      { class: 'grid' },
      field(t('backend'), backend),
      field(t('model'), model),
      field(t('method'), method),
    ),
    h('div', { class: 'grid' }, field(t('epochs'), epochs), field(t('batchSize'), batchSize)),
    h('div', { class: 'grid' }, field(t('suffix'), suffix), field(t('alias'), alias)),
    submit,
    status,
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void send(request(), crypto.randomUUID());
  });
  if (!dataset.ok) {
    submit.disabled = true;
    show(status, h('span', { class: 'hint' }, t('fixErrorsFirst')));
  }
  return h('section', { class: 'card', id: 'submit-job' }, h('h2', {}, t('submitJob')), form);
}
