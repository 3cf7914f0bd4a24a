// Who may do what. With FEEDBACK_ADMIN_TOKEN set: creating, listing and exporting campaigns need
// `Authorization: Bearer <admin token>`; annotators reach one campaign's queue, votes and results
// with its invite token (header X-Invite-Token), an HMAC of the campaign id under the admin token,
// so invites need no storage and one campaign's link opens no other. Without the variable the
// demo is open (it listens on loopback unless told otherwise; app-config refuses otherwise).
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { AiError } from '@repo/core';
import { APP_CONFIG } from '@repo/nest';
import type { AppConfig } from '../app-config.js';

export type RequestHeaders = Record<string, string | string[] | undefined>;

export const INVITE_HEADER = 'x-invite-token';

const OPEN_MODE_KEY = 'feedback-demo open mode';

const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();
const same = (a: string, b: string) => timingSafeEqual(digest(a), digest(b));

function header(headers: RequestHeaders, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function unauthenticated(message: string, field: string, reason: string): AiError {
  return new AiError(message, {
    kind: 'unauthenticated',
    code: 'feedback_access',
    details: [{ field, reason }],
  });
}

@Injectable()
export class FeedbackAccessService {
  private readonly secret: string;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    // Open mode: invites are still handed out (links look the same) but nothing checks them, so
    // a fixed key is enough and keeps links valid across restarts.
    this.secret = config.FEEDBACK_ADMIN_TOKEN ?? OPEN_MODE_KEY;
  }

  get open(): boolean {
    return this.config.FEEDBACK_ADMIN_TOKEN === undefined;
  }

  inviteToken(campaignId: string): string {
    return createHmac('sha256', this.secret)
      .update(`invite:${campaignId}`)
      .digest('base64url')
      .slice(0, 32);
  }

  isAdmin(headers: RequestHeaders): boolean {
    if (this.open) return true;
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header(headers, 'authorization') ?? '');
    return match !== null && same(match[1] ?? '', this.secret);
  }

  requireAdmin(headers: RequestHeaders): void {
    if (!this.isAdmin(headers))
      throw unauthenticated(
        'This needs the admin token (FEEDBACK_ADMIN_TOKEN) as a bearer token.',
        'authorization',
        'must be "Bearer <FEEDBACK_ADMIN_TOKEN>"',
      );
  }

  /** Admin, or the campaign's invite token; returns whether the caller is an admin. */
  requireCampaign(headers: RequestHeaders, campaignId: string): boolean {
    if (this.isAdmin(headers)) return true;
    const invite = header(headers, INVITE_HEADER);
    if (invite !== undefined && same(invite, this.inviteToken(campaignId))) return false;
    throw unauthenticated(
      'This needs the campaign’s invite token (from its invite link) or the admin token.',
      INVITE_HEADER,
      invite === undefined ? 'is required' : 'is not this campaign’s invite token',
    );
  }
}
