// The campaigns as a table: status, tasks, models, the invite link to hand to annotators and
// links to every view (carrying the invite token, so they work in another browser too).
import type { Campaign } from '../api/types.js';
import { h } from '../dom.js';
import { t } from '../i18n/i18n.js';
import type { MessageKey } from '../i18n/messages.js';
import { viewLink, type ViewName } from '../router.js';

const VIEWS: Array<[ViewName, MessageKey]> = [
  ['label', 'viewLabel'],
  ['rate', 'viewRate'],
  ['correct', 'viewCorrect'],
  ['results', 'viewResults'],
];

export function inviteUrl(campaign: Campaign): string | undefined {
  return campaign.invite && new URL(campaign.invite.path, location.origin).href;
}

function statusText(campaign: Campaign): string {
  if (campaign.status === 'ready') return t('statusReady');
  return `${t('statusGenerating')} ${campaign.progress.done}/${campaign.progress.total}`;
}

export function campaignList(campaigns: Campaign[]): HTMLElement {
  if (campaigns.length === 0) return h('p', {}, t('noCampaigns'));
  const headers: MessageKey[] = ['name', 'status', 'tasks', 'models', 'invite', 'views'];
  return h(
    'table',
    { id: 'campaign-table' },
    h('thead', {}, h('tr', {}, ...headers.map((key) => h('th', { scope: 'col' }, t(key))))),
    h(
      'tbody',
      {},
      ...campaigns.map((campaign) => {
        const invite = inviteUrl(campaign);
        return h(
          'tr',
          { 'data-campaign-id': campaign.id },
          h('td', {}, campaign.name),
          h('td', {}, statusText(campaign)),
          h('td', {}, campaign.tasks),
          h('td', {}, campaign.models.join(', ')),
          h(
            'td',
            {},
            invite
              ? h('input', {
                  class: 'invite',
                  readonly: true,
                  value: invite,
                  'aria-label': t('invite'),
                  onfocus: (event: FocusEvent) => (event.target as HTMLInputElement).select(),
                })
              : '–',
          ),
          h(
            'td',
            { class: 'views' },
            ...VIEWS.map(([view, label]) =>
              h(
                'a',
                { href: viewLink(view, campaign.id, campaign.invite?.token), 'data-view': view },
                t(label),
              ),
            ),
          ),
        );
      }),
    ),
  );
}
