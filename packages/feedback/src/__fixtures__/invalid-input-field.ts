// Tests' view of a refusal: the field the InvalidInputError names (anything else is rethrown).
import { InvalidInputError } from '@repo/core';

export function invalidInputField(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    if (error instanceof InvalidInputError) return error.details[0]?.field;
    throw error;
  }
  throw new Error('expected an InvalidInputError');
}
