// Hash routes (`#/label/<id>`, `#/rate/<id>`, `#/correct/<id>`, `#/results/<id>`, `#/`). An
// `?invite=` token, in the hash or in the page's query, is stored for that campaign and then
// taken out of the address bar, so it is not copied along with a screenshot or a bookmark.
import { setInviteToken } from './storage.js';

export type ViewName = 'home' | 'label' | 'rate' | 'correct' | 'results' | 'unknown';

export interface Route {
  view: ViewName;
  campaignId?: string;
}

const CAMPAIGN_VIEWS: readonly ViewName[] = ['label', 'rate', 'correct', 'results'];

export function parseRoute(hash: string): Route & { invite?: string } {
  const [path = '', query = ''] = hash.replace(/^#/, '').split('?', 2);
  const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  const invite = new URLSearchParams(query).get('invite') ?? undefined;
  if (parts.length === 0) return { view: 'home', invite };
  const [view, campaignId] = parts as [ViewName, string | undefined];
  if (CAMPAIGN_VIEWS.includes(view) && campaignId && parts.length === 2)
    return { view, campaignId, invite };
  return { view: 'unknown', invite };
}

/** The current route, after storing (and removing) an invite token found in the address. */
export function currentRoute(): Route {
  const route = parseRoute(location.hash);
  const search = new URLSearchParams(location.search);
  const invite = route.invite ?? search.get('invite') ?? undefined;
  if (invite && route.campaignId) setInviteToken(route.campaignId, invite);
  if (invite) {
    search.delete('invite');
    const query = search.size > 0 ? `?${search}` : '';
    history.replaceState(null, '', `${location.pathname}${query}${location.hash.split('?')[0]}`);
  }
  return { view: route.view, campaignId: route.campaignId };
}

export function viewLink(view: ViewName, campaignId: string, invite?: string): string {
  const query = invite ? `?invite=${encodeURIComponent(invite)}` : '';
  return `#/${view}/${encodeURIComponent(campaignId)}${query}`;
}
