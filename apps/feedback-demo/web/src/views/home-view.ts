// #/: the campaigns with their invite links and views, and the form for a new one. Listing and
// creating are admin routes: a 401 asks for the admin token, then loads again.
import { apiJson } from '../api/client.js';
import type { Campaign, ModelInfo } from '../api/types.js';
import { h, show } from '../dom.js';
import { t } from '../i18n/i18n.js';
import { showApiError } from './admin-token-form.js';
import { campaignList, inviteUrl } from './campaign-list.js';
import { createCampaignForm } from './create-campaign-form.js';

export function mountHomeView(root: HTMLElement): () => void {
  const status = h('div', { class: 'status', role: 'status', 'aria-live': 'polite' });
  const list = h('section', { class: 'card', id: 'campaigns' });
  const create = h('section', { id: 'create' });
  let disposed = false;
  show(root, h('h1', {}, t('campaigns')), status, list, create);

  function onError(error: unknown): void {
    if (!disposed) showApiError(status, error, () => void load());
  }

  function onCreated(campaign: Campaign): void {
    show(status, t('created', { link: inviteUrl(campaign) ?? campaign.id }));
    void load(false);
  }

  async function load(withForm = true): Promise<void> {
    try {
      const [{ campaigns }, models] = await Promise.all([
        apiJson<{ campaigns: Campaign[] }>('/campaigns'),
        withForm ? apiJson<{ models: ModelInfo[] }>('/models') : undefined,
      ]);
      if (disposed) return;
      if (withForm) show(status);
      show(list, campaignList(campaigns));
      if (models) show(create, createCampaignForm(models.models, onCreated, onError));
    } catch (error) {
      onError(error);
    }
  }

  void load();
  return () => {
    disposed = true;
  };
}
