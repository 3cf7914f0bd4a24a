// What a conversation id may be: short, URL- and log-safe (the seed's JDBC schema allowed 36
// characters; ids like `user_42_1716900000` fit easily).
import { z } from 'zod';

export const CONVERSATION_ID_MAX_LENGTH = 100;
export const CONVERSATION_ID_PATTERN = /^[A-Za-z0-9_.:-]+$/;
export const CONVERSATION_ID_RULE =
  'may only contain letters, digits and _ . : - (at most 100 characters)';

export const conversationIdSchema = z
  .string()
  .min(1)
  .max(CONVERSATION_ID_MAX_LENGTH)
  .regex(CONVERSATION_ID_PATTERN, CONVERSATION_ID_RULE);
