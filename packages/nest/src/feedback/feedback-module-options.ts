// Options of FeedbackModule.forRoot / forRootAsync: where feedback is stored, where the targets it
// names come from, and how long answers are held for it.
import type { FeedbackAdvisorOptions } from '@repo/feedback';
import type { Database } from '@repo/storage';

/**
 * `advisor` (default): answers are held by the module's advisor (FEEDBACK_ADVISOR, which the app
 * adds to its chat requests) and written when feedback names them; ids it never gave are looked
 * up in the store. `store`: targets are recorded by the app itself (a labelling campaign's
 * candidates); no advisor is made (FEEDBACK_ADVISOR is `null`) and every id is looked up there.
 */
export type FeedbackTargetSource = 'advisor' | 'store';

export interface FeedbackModuleOptions {
  /**
   * The app's database (the app opens and closes it); a function is called on the first feedback,
   * so the migrations run then, not at boot. Or `databaseUrl`.
   */
  database?: Database | (() => Promise<Database>);
  /** `memory://`, `file:<folder>` (PGlite) or `postgres://…`: opened on first use, closed at shutdown. */
  databaseUrl?: string;
  targets?: FeedbackTargetSource;
  /** The advisor's persistence mode and bounds (`persist`, `maxPending`, `pendingTtlMs`, …). */
  advisor?: Omit<FeedbackAdvisorOptions, 'store'>;
  /** The `end_user` annotator of feedback that names none (default `anonymous`). */
  defaultAnnotator?: string;
}
