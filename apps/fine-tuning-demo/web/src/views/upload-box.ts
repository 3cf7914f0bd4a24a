// The dataset upload: a drop zone that also opens the file picker, a progress bar while the file
// goes up, and on success the dataset's report page.
import { uploadDataset } from '../api/upload.js';
import { h, show } from '../dom.js';
import { t } from '../i18n/i18n.js';
import { datasetLink } from '../router.js';
import { showError } from './badges.js';

export function uploadBox(): HTMLElement {
  const input = h('input', { type: 'file', id: 'dataset-file', accept: '.jsonl,.json,.txt' });
  const bar = h('progress', { max: 1, value: 0, hidden: true, id: 'upload-progress' });
  const status = h('div', { class: 'status', role: 'status', 'aria-live': 'polite' });
  const zone = h(
    'label',
    { class: 'dropzone', for: 'dataset-file', id: 'dropzone' },
    h('strong', {}, t('dropHere')),
    h('span', { class: 'hint' }, t('dropHint')),
  );

  async function send(file: File): Promise<void> {
    bar.hidden = false;
    bar.value = 0;
    show(status, t('uploading', { name: file.name }));
    try {
      const dataset = await uploadDataset(file, (fraction) => (bar.value = fraction));
      bar.value = 1;
      location.hash = datasetLink(dataset.id);
    } catch (error) {
      bar.hidden = true;
      showError(status, error);
    }
  }

  input.addEventListener('change', () => {
    const file = input.files?.[0];
    if (file) void send(file);
    input.value = '';
  });
  zone.addEventListener('dragover', (event) => {
    event.preventDefault();
    zone.classList.add('over');
  });
  zone.addEventListener('dragleave', () => zone.classList.remove('over'));
  zone.addEventListener('drop', (event) => {
    event.preventDefault();
    zone.classList.remove('over');
    const file = event.dataTransfer?.files[0];
    if (file) void send(file);
  });
  return h(
    'section',
    { class: 'card', id: 'upload' },
    h('h2', {}, t('uploadTitle')),
    zone,
    input,
    bar,
    status,
  );
}
