// What a conversation id may be: short, URL- and log-safe (the seed's JDBC schema allowed 36
// characters; ids like `user_42_1716900000` fit easily).
export const CONVERSATION_ID_MAX_LENGTH = 100;
export const CONVERSATION_ID_PATTERN = /^[A-Za-z0-9_.:-]+$/;
export const CONVERSATION_ID_RULE =
  'may only contain letters, digits and _ . : - (at most 100 characters)';
