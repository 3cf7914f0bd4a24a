// A small form for a new campaign: its name, the prompts (one per line), the models to compare
// (checkboxes from GET /models) and how many annotators see each task.
import { apiJson } from '../api/client.js';
import type { Campaign, ModelInfo } from '../api/types.js';
import { h } from '../dom.js';
import { t } from '../i18n/i18n.js';

export function createCampaignForm(
  models: ModelInfo[],
  onCreated: (campaign: Campaign) => void,
  onError: (error: unknown) => void,
): HTMLFormElement {
  const name = h('input', { id: 'campaign-name', required: true, maxlength: 200 });
  const prompts = h('textarea', { id: 'campaign-prompts', rows: 5, required: true });
  const overlap = h('input', { id: 'campaign-overlap', type: 'number', min: 1, max: 20, value: 1 });
  const boxes = models.map((model) =>
    h('input', { type: 'checkbox', name: 'models', value: model.name, checked: true }),
  );
  const message = h('p', { class: 'hint', role: 'status' });
  const form = h(
    'form',
    { class: 'card', id: 'create-campaign' },
    h('h2', {}, t('createTitle')),
    h('label', { for: 'campaign-name' }, t('name')),
    name,
    h('label', { for: 'campaign-prompts' }, t('prompts')),
    prompts,
    h(
      'fieldset',
      { class: 'models' },
      h('legend', {}, t('models')),
      ...models.map((model, index) =>
        h('label', { title: model.description }, boxes[index], ' ', model.name),
      ),
    ),
    h('label', { for: 'campaign-overlap' }, t('overlap')),
    overlap,
    message,
    h('button', { type: 'submit', class: 'primary' }, t('create')),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const chosen = boxes.filter((box) => box.checked).map((box) => box.value);
    if (chosen.length < 2) return void (message.textContent = t('pickModels'));
    const body = {
      name: name.value.trim(),
      prompts: prompts.value
        .split('\n')
        .map((line) => line.trim())
        .filter(Boolean),
      models: chosen,
      overlap: Number(overlap.value) || 1,
    };
    message.textContent = t('sending');
    apiJson<Campaign>('/campaigns', { method: 'POST', body }).then((campaign) => {
      message.textContent = '';
      form.reset();
      onCreated(campaign);
    }, onError);
  });
  return form;
}
