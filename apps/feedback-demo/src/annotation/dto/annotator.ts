// An annotator's name as the labelling page sends it: any script (张三, Ana), no control
// characters, at most 100 characters.
import { z } from 'zod';

export const annotatorName = () =>
  z
    .string()
    .trim()
    .min(1, { error: 'must not be empty' })
    .max(100, { error: 'must be at most 100 characters' })
    // eslint-disable-next-line no-control-regex
    .refine((name) => !/[\u0000-\u001f\u007f]/.test(name), {
      error: 'must not hold control characters',
    });
