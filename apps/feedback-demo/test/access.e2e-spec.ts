// Who may do what with FEEDBACK_ADMIN_TOKEN set: campaigns are created, listed and exported with
// the admin token; annotators reach one campaign with its invite token and no other; nobody
// without either gets anything but a 401 naming the header to send.
import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseAppConfig } from '../src/app-config.js';
import {
  createReadyCampaign,
  createTestApp,
  labelQueue,
  type CampaignJson,
} from './create-test-app.js';

const ADMIN = 'admin-token-0123456789';
const admin = { Authorization: `Bearer ${ADMIN}` };

let app: NestExpressApplication;
let one: CampaignJson;
let two: CampaignJson;
beforeAll(async () => {
  app = await createTestApp({ FEEDBACK_ADMIN_TOKEN: ADMIN });
  const body = { prompts: ['什么是偏好数据？'], models: ['local-detailed', 'local-brief'] };
  one = (await createReadyCampaign(app, { ...body, name: 'one' }, admin)).campaign;
  two = (await createReadyCampaign(app, { ...body, name: 'two' }, admin)).campaign;
});
afterAll(() => app?.close());

const get = (path: string, headers: Record<string, string> = {}) =>
  request(app.getHttpServer()).get(path).set(headers);

describe('with FEEDBACK_ADMIN_TOKEN', () => {
  it('needs the admin token to create, list and export', async () => {
    const create = await request(app.getHttpServer())
      .post('/api/feedback/campaigns')
      .send({ name: 'x', prompts: ['q'], models: ['local-detailed', 'local-brief'] });
    expect(create.status).toBe(401);
    expect((create.body as { details: Array<{ field: string }> }).details[0]?.field).toBe(
      'authorization',
    );
    expect((await get('/api/feedback/campaigns')).status).toBe(401);
    expect(
      (await get('/api/feedback/campaigns', { Authorization: 'Bearer wrong-token-0123456789' }))
        .status,
    ).toBe(401);
    expect((await get('/api/feedback/campaigns', admin)).status).toBe(200);
    const invite = { 'X-Invite-Token': one.invite!.token };
    expect((await get(`/api/feedback/campaigns/${one.id}/export?format=kto`, invite)).status).toBe(
      401,
    );
  });

  it("lets an invite into its own campaign only, and hides other annotators' figures", async () => {
    const invite = { 'X-Invite-Token': one.invite!.token };
    expect(one.invite!.token).not.toBe(two.invite!.token);
    const votes = await labelQueue(app, one.id, '标注员甲', () => 'left', invite);
    expect(votes).toHaveLength(1);
    expect((await get(`/api/feedback/campaigns/${two.id}/next?annotator=a`, invite)).status).toBe(
      401,
    );
    expect((await get(`/api/feedback/campaigns/${one.id}/next?annotator=a`)).status).toBe(401);
    const agreement = await get(`/api/feedback/campaigns/${one.id}/agreement`, invite);
    expect(agreement.status).toBe(200);
    expect((agreement.body as { perAnnotator: unknown[] }).perAnnotator).toEqual([]);
    const asAdmin = await get(`/api/feedback/campaigns/${one.id}/agreement`, admin);
    expect((asAdmin.body as { perAnnotator: unknown[] }).perAnnotator).toHaveLength(1);
    // The campaign as an annotator sees it carries no invite of its own to pass around.
    const seen = await get(`/api/feedback/campaigns/${one.id}`, invite);
    expect(seen.status).toBe(200);
    expect((seen.body as CampaignJson).invite).toBeUndefined();
    // EventSource sends no headers: the progress stream takes the invite as a query parameter.
    const progress = await get(
      `/api/feedback/campaigns/${one.id}/events?invite=${one.invite!.token}`,
    );
    expect(progress.status).toBe(200);
  });

  it('refuses to listen beyond loopback without it', () => {
    expect(() => parseAppConfig({ HOST: '0.0.0.0', API_TOKEN: 'api-token-0123456789' })).toThrow(
      /FEEDBACK_ADMIN_TOKEN/,
    );
    expect(
      parseAppConfig({
        HOST: '0.0.0.0',
        FEEDBACK_ADMIN_TOKEN: ADMIN,
        API_TOKEN: 'api-token-0123456789',
      }).HOST,
    ).toBe('0.0.0.0');
  });
});
