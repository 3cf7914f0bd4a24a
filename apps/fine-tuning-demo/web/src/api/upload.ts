// Uploads a dataset file as multipart/form-data with XMLHttpRequest, the one browser API that
// reports upload progress (fetch does not).
import { t } from '../i18n/i18n.js';
import { API, ApiError, errorFrom, parseJson } from './client.js';
import type { Dataset } from './types.js';

export function uploadDataset(
  file: File,
  onProgress: (fraction: number) => void,
): Promise<Dataset> {
  const form = new FormData();
  form.append('file', file, file.name);
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `${API}/datasets`);
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.upload.addEventListener('progress', (event) => {
      if (event.lengthComputable) onProgress(event.loaded / Math.max(1, event.total));
    });
    xhr.addEventListener('load', () => {
      const data = parseJson(xhr.responseText);
      if (xhr.status >= 200 && xhr.status < 300) resolve(data as Dataset);
      else reject(errorFrom(xhr.status, data, xhr.getResponseHeader('Retry-After')));
    });
    xhr.addEventListener('error', () => reject(new ApiError(0, t('networkError'))));
    xhr.send(form);
  });
}
