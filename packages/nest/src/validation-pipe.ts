// The global pipe for zod DTOs (`class X extends createZodDto(schema) {}` from nestjs-zod): it
// parses every body, query and param whose type is such a DTO and turns a failure into an
// InvalidInputError whose `details` name each field (`messages[0].role`) in plain words (core's
// describeSchemaIssues, the wording tools and structured output share), so the filter answers 400
// with the field at fault. Written here rather than nestjs-zod's own pipe because that one drops
// the input, and "is required" vs "must be a string" needs it.
// zod instead of class-validator: one schema language for config, bodies, tools and structured
// output, and ~360 fewer files to load at boot (cold start).
import type { ArgumentMetadata, PipeTransform } from '@nestjs/common';
import { describeSchemaIssues, InvalidInputError, type InvalidInputDetail } from '@repo/core';
import type { z } from 'zod';
import { findTextProblems } from './check-text-input.js';

/** What nestjs-zod's `createZodDto` puts on the class. */
interface ZodDtoClass {
  isZodDto: true;
  schema: z.ZodType;
}

function isZodDto(metatype: unknown): metatype is ZodDtoClass {
  return typeof metatype === 'function' && (metatype as Partial<ZodDtoClass>).isZodDto === true;
}

/** The root path of a whole body or query (`@Body()` has no `data`): one array for every request. */
const NO_PATH: readonly PropertyKey[] = [];

/** Parses zod DTOs; anything else (`@Res()`, plain strings) passes through untouched. */
export class ZodValidationPipe implements PipeTransform {
  transform(value: unknown, { metatype, type, data }: ArgumentMetadata): unknown {
    // Every body, query and path parameter, DTO or not (an `@Param('id') id: string` too), and
    // custom parameters parsed as DTOs; not other custom ones (multer's file buffers).
    if (type !== 'custom' || isZodDto(metatype)) {
      const problems = findTextProblems(value, data ? [data] : NO_PATH, type);
      if (problems.length > 0) throw invalid(problems);
    }
    if (!isZodDto(metatype)) return value;
    const result = metatype.schema.safeParse(value, { reportInput: true });
    if (result.success) return result.data;
    // The value itself (an empty path) is named by where it came from: `body`, `query`, `param`.
    throw invalid(describeSchemaIssues(result.error.issues, { root: type }));
  }
}

function invalid(details: InvalidInputDetail[]): InvalidInputError {
  const summary = details.map(({ field, reason }) => `${field} ${reason}`).join('; ');
  return new InvalidInputError(`Invalid request: ${summary}`, details);
}

export function createValidationPipe(): ZodValidationPipe {
  return new ZodValidationPipe();
}
