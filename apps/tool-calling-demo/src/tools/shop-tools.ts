// Two small tools of a pretend shop, for the two Spring AI features the sample tools don't show:
// - listMyOrders reads the signed-in user from the tool context (Spring AI's ToolContext): the
//   user id comes from the request, never from the model, which cannot ask for someone else's.
// - trackParcel has returnDirect: its status line is the answer as it is, with no second model
//   turn (cheaper, and nothing for the model to rephrase).
// Descriptions avoid each other's words: the embedded model picks tools by word overlap.
import type { ToolExecutionContext } from '@repo/core';
import { defineTool } from '@repo/tools';
import { z } from 'zod';

/** The tool-context key holding the signed-in user's id. */
export const USER_ID_CONTEXT_KEY = 'userId';

interface Order {
  order: string;
  item: string;
  parcel: number;
}

const ORDERS: Record<string, Order[]> = {
  'u-42': [
    { order: 'A-1001', item: 'Spring AI in Action (book)', parcel: 1001 },
    { order: 'A-1002', item: '龙井茶 (Longjing tea)', parcel: 1002 },
  ],
  'u-7': [{ order: 'A-1003', item: 'Mechanical keyboard', parcel: 1003 }],
};

const PARCELS: Record<number, string> = {
  1001: 'Parcel 1001: delivered on 2025-05-30 at 14:05, signed for at the front desk.',
  1002: 'Parcel 1002: out for delivery in Hangzhou, expected before 18:00.',
  1003: 'Parcel 1003: waiting at the Shanghai sorting centre.',
};

function signedInUser({ context }: ToolExecutionContext): string {
  const userId = context[USER_ID_CONTEXT_KEY];
  // The message reaches the model, so it names the missing key, never a value.
  if (typeof userId !== 'string' || userId === '')
    throw new Error(`Nobody is signed in: the request has no "${USER_ID_CONTEXT_KEY}" context`);
  return userId;
}

export function createListMyOrdersTool() {
  return defineTool({
    name: 'listMyOrders',
    description: "Show the signed-in customer's recent orders with their items.",
    execute: (_args, context) => ({ orders: ORDERS[signedInUser(context)] ?? [] }),
  });
}

export const trackParcelParameters = z.object({
  trackingNumber: z.int().positive().describe('The tracking number, e.g. 1001'),
});

export function createTrackParcelTool() {
  return defineTool({
    name: 'trackParcel',
    description: 'Track a parcel by its tracking number and give its delivery status.',
    parameters: trackParcelParameters,
    returnDirect: true,
    execute: ({ trackingNumber }) => {
      const status = PARCELS[trackingNumber];
      if (!status) throw new Error(`No parcel ${trackingNumber}; tracking numbers look like 1001`);
      return status;
    },
  });
}
