// Shown when an endpoint answers 401: the admin token (FEEDBACK_ADMIN_TOKEN), kept in
// sessionStorage and sent as a bearer token from then on.
import { h } from '../dom.js';
import { t } from '../i18n/i18n.js';
import { adminToken, setAdminToken } from '../storage.js';

export function adminTokenForm(onSaved: () => void): HTMLFormElement {
  const input = h('input', {
    id: 'admin-token',
    type: 'password',
    autocomplete: 'off',
    required: true,
    value: adminToken() ?? '',
  });
  const form = h(
    'form',
    { class: 'card narrow', id: 'admin-token-form' },
    h('h2', {}, t('adminTokenTitle')),
    h('p', { class: 'hint' }, t('adminTokenHint')),
    h('label', { for: 'admin-token' }, t('adminTokenLabel')),
    input,
    h('button', { type: 'submit', class: 'primary' }, t('adminTokenSave')),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    setAdminToken(input.value);
    onSaved();
  });
  return form;
}
