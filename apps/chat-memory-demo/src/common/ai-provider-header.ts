// The `X-AI-Provider` response header: which provider answered (`local` = the embedded model).
export const AI_PROVIDER_HEADER = 'X-AI-Provider';

/** The bit of express' Response controllers use to set it. */
export interface HeaderSink {
  setHeader(name: string, value: string): unknown;
}
