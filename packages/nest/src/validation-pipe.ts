// The global pipe for zod DTOs (`class X extends createZodDto(schema) {}` from nestjs-zod): it
// parses every body, query and param whose type is such a DTO and turns a failure into an
// InvalidInputError whose `details` name each field (`messages[0].role`) in plain words, so the
// filter answers 400 with the field at fault. Written here rather than nestjs-zod's own pipe
// because that one drops the input, and "is required" vs "must be a string" needs it.
// zod instead of class-validator: one schema language for config, bodies, tools and structured
// output, and ~360 fewer files to load at boot (cold start).
import type { ArgumentMetadata, PipeTransform } from '@nestjs/common';
import { InvalidInputError, type InvalidInputDetail } from '@repo/core';
import type { z } from 'zod';
import { findTextProblems } from './check-text-input.js';
import { formatIssuePath } from './format-issue-path.js';

export { formatIssuePath };

/** What nestjs-zod's `createZodDto` puts on the class. */
interface ZodDtoClass {
  isZodDto: true;
  schema: z.ZodType;
}

function isZodDto(metatype: unknown): metatype is ZodDtoClass {
  return typeof metatype === 'function' && (metatype as Partial<ZodDtoClass>).isZodDto === true;
}

function describeSize(issue: z.core.$ZodIssueTooBig | z.core.$ZodIssueTooSmall): string {
  const big = issue.code === 'too_big';
  const limit = Number(big ? issue.maximum : issue.minimum);
  if (issue.origin === 'string' || issue.origin === 'array') {
    if (!big && limit === 1) return 'must not be empty';
    const unit = issue.origin === 'string' ? 'characters' : 'items';
    return `must have at ${big ? 'most' : 'least'} ${limit} ${unit}`;
  }
  if (issue.inclusive === false) return `must be ${big ? 'less' : 'greater'} than ${limit}`;
  return `must be at ${big ? 'most' : 'least'} ${limit}`;
}

/** One zod issue → one or more `{field, reason}` in the words of an API error. */
export function describeZodIssue(issue: z.core.$ZodIssue, root = 'body'): InvalidInputDetail[] {
  const field = formatIssuePath(issue.path) || root;
  switch (issue.code) {
    case 'unrecognized_keys':
      return issue.keys.map((key) => ({
        field: formatIssuePath([...issue.path, key]),
        reason: 'is not an accepted field',
      }));
    case 'invalid_type':
      if (issue.input === undefined) return [{ field, reason: 'is required' }];
      return [
        {
          field,
          reason: `must be ${/^[aeiou]/.test(issue.expected) ? 'an' : 'a'} ${issue.expected}`,
        },
      ];
    case 'invalid_value':
      return [{ field, reason: `must be one of: ${issue.values.map(String).join(', ')}` }];
    case 'too_big':
    case 'too_small':
      return [{ field, reason: describeSize(issue) }];
    default:
      // Custom messages (`.regex(re, 'must be …')`, `.refine`) are already written for people.
      return [{ field, reason: issue.message }];
  }
}

/** Parses zod DTOs; anything else (`@Res()`, plain strings) passes through untouched. */
export class ZodValidationPipe implements PipeTransform {
  transform(value: unknown, { metatype, type, data }: ArgumentMetadata): unknown {
    // Every body, query and path parameter, DTO or not (an `@Param('id') id: string` too), and
    // custom parameters parsed as DTOs; not other custom ones (multer's file buffers).
    if (type !== 'custom' || isZodDto(metatype)) {
      const problems = findTextProblems(value, data ? [data] : [], type);
      if (problems.length > 0) throw invalid(problems);
    }
    if (!isZodDto(metatype)) return value;
    const result = metatype.schema.safeParse(value, { reportInput: true });
    if (result.success) return result.data;
    throw invalid(result.error.issues.flatMap((issue) => describeZodIssue(issue, type)));
  }
}

function invalid(details: InvalidInputDetail[]): InvalidInputError {
  const summary = details.map(({ field, reason }) => `${field} ${reason}`).join('; ');
  return new InvalidInputError(`Invalid request: ${summary}`, details);
}

export function createValidationPipe(): ZodValidationPipe {
  return new ZodValidationPipe();
}
