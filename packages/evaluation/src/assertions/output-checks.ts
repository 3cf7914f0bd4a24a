// Every check that reads only the output text, by assertion type: what a grading worker runs.
import type { OutputCheck } from './assertion-context.js';
import { METRIC_CHECKS } from './metric-assertions.js';
import { TEXT_CHECKS } from './text-assertions.js';

export const OUTPUT_CHECKS: Record<string, OutputCheck> = { ...TEXT_CHECKS, ...METRIC_CHECKS };
