// Shown when an endpoint answers 401: the admin token (FEEDBACK_ADMIN_TOKEN), kept in
// sessionStorage and sent as a bearer token from then on. `showApiError` picks it or the message.
import { ApiError } from '../api/client.js';
import { h, show } from '../dom.js';
import { t } from '../i18n/i18n.js';
import { adminToken, setAdminToken } from '../storage.js';
import { singleFieldForm } from './single-field-form.js';

export function adminTokenForm(onSaved: () => void): HTMLFormElement {
  return singleFieldForm({
    id: 'admin-token-form',
    title: t('adminTokenTitle'),
    hint: t('adminTokenHint'),
    label: t('adminTokenLabel'),
    submit: t('adminTokenSave'),
    input: { id: 'admin-token', type: 'password', autocomplete: 'off', value: adminToken() ?? '' },
    onSubmit(token) {
      setAdminToken(token);
      onSaved();
    },
  });
}

/** A 401 asks for the admin token (then `reload`); anything else shows the server's message. */
export function showApiError(target: HTMLElement, error: unknown, reload: () => void): void {
  if (error instanceof ApiError && error.status === 401)
    return show(target, adminTokenForm(reload));
  const message = error instanceof Error ? error.message : String(error);
  show(target, h('span', { class: 'error' }, t('error', { message })));
}
