// Downloads of the campaign's training data (JSONL) and the data card beside it. Fetched with
// the tokens as headers and saved from a blob, since a plain link could not send them.
import { downloadFile } from '../api/client.js';
import { EXPORT_FORMATS } from '../api/types.js';
import { h } from '../dom.js';
import { t } from '../i18n/i18n.js';

export function exportLinks(campaignId: string, onError: (error: unknown) => void): HTMLElement {
  const select = h(
    'select',
    { id: 'export-format', 'aria-label': 'format' },
    ...EXPORT_FORMATS.map((format) => h('option', { value: format }, format)),
  );
  const base = `/campaigns/${encodeURIComponent(campaignId)}`;
  const save = (card: boolean) => {
    const query = `?format=${encodeURIComponent(select.value)}`;
    const path = card ? `${base}/export/card${query}` : `${base}/export${query}`;
    const name = `${campaignId}-${select.value}${card ? '.card.json' : '.jsonl'}`;
    downloadFile(path, name, campaignId).catch(onError);
  };
  return h(
    'div',
    { class: 'exports row' },
    select,
    h(
      'button',
      { type: 'button', id: 'export-download', onclick: () => save(false) },
      t('exportDownload'),
    ),
    h('button', { type: 'button', id: 'export-card', onclick: () => save(true) }, t('exportCard')),
  );
}
