// What the page remembers: the annotator's name (localStorage, for every visit), the invite
// token per campaign and the admin token (sessionStorage: gone when the tab closes).
const ANNOTATOR = 'feedback.annotator';
const ADMIN = 'feedback.adminToken';
const INVITE = 'feedback.invite.';

export function annotatorName(): string | undefined {
  return localStorage.getItem(ANNOTATOR)?.trim() || undefined;
}

export function setAnnotatorName(name: string): void {
  if (name.trim()) localStorage.setItem(ANNOTATOR, name.trim());
  else localStorage.removeItem(ANNOTATOR);
}

export function adminToken(): string | undefined {
  return sessionStorage.getItem(ADMIN) || undefined;
}

export function setAdminToken(token: string): void {
  if (token.trim()) sessionStorage.setItem(ADMIN, token.trim());
  else sessionStorage.removeItem(ADMIN);
}

export function inviteToken(campaignId: string): string | undefined {
  return sessionStorage.getItem(INVITE + campaignId) || undefined;
}

export function setInviteToken(campaignId: string, token: string): void {
  sessionStorage.setItem(INVITE + campaignId, token);
}
