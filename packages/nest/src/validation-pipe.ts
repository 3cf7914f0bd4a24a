// ValidationPipe whose failures carry `details: [{field, reason}]` (class-validator's nested
// errors flattened to `messages[0].role`), so the filter answers 400 with the field at fault.
import { ValidationPipe, type ValidationPipeOptions } from '@nestjs/common';
import { InvalidInputError, type InvalidInputDetail } from '@repo/core';

/** The fields of class-validator's ValidationError this reads (structural: no import needed). */
export interface ValidationErrorLike {
  property: string;
  constraints?: Record<string, string>;
  children?: ValidationErrorLike[];
}

export function flattenValidationErrors(
  errors: readonly ValidationErrorLike[],
  parent = '',
): InvalidInputDetail[] {
  const details: InvalidInputDetail[] = [];
  for (const error of errors) {
    const field = !parent
      ? error.property
      : /^\d+$/.test(error.property)
        ? `${parent}[${error.property}]`
        : `${parent}.${error.property}`;
    for (const reason of Object.values(error.constraints ?? {})) details.push({ field, reason });
    if (error.children?.length) details.push(...flattenValidationErrors(error.children, field));
  }
  return details;
}

/** "messages[0].role must be …": class-validator's reason with the field's full path. */
function describe({ field, reason }: InvalidInputDetail): string {
  const property = field.split(/[.[]/).pop()?.replace(/]$/, '') ?? field;
  return reason.startsWith(`${property} `)
    ? `${field}${reason.slice(property.length)}`
    : `${field}: ${reason}`;
}

/** whitelist + forbidNonWhitelisted + transform by default; failures become InvalidInputError. */
export function createValidationPipe(options: ValidationPipeOptions = {}): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    ...options,
    exceptionFactory: (errors) => {
      const details = flattenValidationErrors(errors);
      return new InvalidInputError(`Invalid request: ${details.map(describe).join('; ')}`, details);
    },
  });
}
