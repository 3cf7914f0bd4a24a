// A conversation id: chosen by the caller (readable ids in a workshop) or a UUID from the server.
import { z } from 'zod';

export const conversationIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,64}$/, { error: 'must be 1-64 letters, digits, "_" or "-"' })
  .meta({ example: 'trip-1' });
