// The response header that carries an answer's response id (the same value as the JSON body's
// `responseId` or the SSE `done` event's), for clients that read headers before the body.
export const RESPONSE_ID_HEADER = 'X-Response-Id';
