// The package's one shape of bad input: core's InvalidInputError naming the field and the reason
// (`battles[3].winner`, `must be one of A, B, tie, both-bad`), which apps answer with a 400.
import { InvalidInputError } from '@repo/core';

export function invalidInput(field: string, reason: string): InvalidInputError {
  return new InvalidInputError(`${field} ${reason}`, [{ field, reason }]);
}
