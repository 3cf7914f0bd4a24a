// The two Spring AI features the seed documented but never ran, through POST /api/tools/chat:
// returnDirect (the tool's result is the answer; local-llm gets exactly one request) and tool
// context (values the tools read that never reach the model).
import { describe, expect, it } from 'vitest';
import { useTestApp } from './create-test-app.js';

const t = useTestApp();

describe('returnDirect and tool context', () => {
  it('returnDirect: the tool result is the answer and local-llm gets exactly one request', async () => {
    const res = await t.post('/api/tools/chat', { message: 'Track parcel 1002' });
    expect(res.body).toMatchObject({
      content: 'Parcel 1002: out for delivery in Hangzhou, expected before 18:00.',
      toolCalls: [
        expect.objectContaining({ name: 'trackParcel', arguments: { trackingNumber: 1002 } }),
      ],
      returnedDirect: true,
      modelRequests: 1,
      finishReason: 'stop',
    });
    expect(t.sent()).toHaveLength(1);
  });

  it('a returnDirect tool that fails answers with its error, still without a second turn', async () => {
    const res = await t.post('/api/tools/chat', { message: 'Track parcel 9999' });
    expect(res.body).toMatchObject({
      content: 'Tool "trackParcel" failed: No parcel 9999; tracking numbers look like 1001',
      returnedDirect: true,
      modelRequests: 1,
    });
    expect(t.sent()).toHaveLength(1);
  });

  it('tool context: the tools read the user and time zone, the model never receives them', async () => {
    const res = await t.post('/api/tools/chat', {
      message: 'Show my orders and tell me what time it is.',
      tools: ['listMyOrders', 'getCurrentDateTime'],
      context: { userId: 'u-42', timeZone: 'Europe/Berlin' },
    });
    expect(
      res.body.toolCalls.map((c: { name: string; result: unknown }) => [c.name, c.result]),
    ).toEqual([
      [
        'listMyOrders',
        {
          orders: [
            expect.objectContaining({ order: 'A-1001' }),
            expect.objectContaining({ order: 'A-1002' }),
          ],
        },
      ],
      [
        'getCurrentDateTime',
        expect.objectContaining({ timeZone: 'Europe/Berlin', iso: '2025-06-01T14:00:00+02:00' }),
      ],
    ]);
    const everything = JSON.stringify(t.sent());
    expect(t.sent()).toHaveLength(2);
    expect(everything).not.toContain('u-42');
    expect(everything).not.toContain('userId');
    // The zone reaches the model only inside the tool's own result, in the second request.
    expect(JSON.stringify(t.sent()[0])).not.toContain('Europe/Berlin');
    expect(JSON.stringify(t.sent()[1])).toContain('Europe/Berlin');
  });

  it('without a user in the context, the tool says so to the model (never a 500)', async () => {
    const res = await t.post('/api/tools/chat', {
      message: 'Show my orders',
      tools: ['listMyOrders'],
    });
    expect(res.status).toBe(200);
    expect(res.body.toolCalls[0]).toMatchObject({
      isError: true,
      result:
        'Tool "listMyOrders" failed: Nobody is signed in: the request has no "userId" context',
    });
  });
});
