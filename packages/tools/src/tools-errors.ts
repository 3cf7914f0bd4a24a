// The tools package's narrow errors, on core's hierarchy (docs/conventions.md rule 11). Inside the chat
// loop a thrown error becomes the tool result the model reads, so each message says what was wrong
// and what would work; the fields carry the same facts for code (apps map InvalidInputError to 400).
import { AiError, InvalidInputError } from '@repo/core';
import type { AiErrorOptions, InvalidInputDetail } from '@repo/core';

/** A tool was defined wrongly (bad name, a schema that is not an object). Thrown at definition time. */
export class ToolDefinitionError extends AiError {
  readonly toolName: string;
  readonly field: 'name' | 'description' | 'parameters';

  constructor(toolName: string, field: ToolDefinitionError['field'], reason: string) {
    super(`Tool "${toolName}": ${field} ${reason}`, { code: 'invalid_tool_definition' });
    this.toolName = toolName;
    this.field = field;
  }
}

/** The model's arguments do not match the tool's zod schema; `details` names each field and why. */
export class ToolArgumentsError extends InvalidInputError {
  readonly toolName: string;

  constructor(toolName: string, details: InvalidInputDetail[]) {
    const listed = details.map(({ field, reason }) => `"${field}" ${reason}`).join('; ');
    super(`The arguments do not match the schema: ${listed}. Fix them and call again.`, details, {
      code: 'invalid_tool_arguments',
    });
    this.toolName = toolName;
  }
}

/** The weather or date-time tool was asked about a city the bundled data does not have. */
export class UnknownCityError extends InvalidInputError {
  readonly city: string;
  readonly knownCities: string[];

  constructor(city: string, knownCities: string[]) {
    super(
      `No data for the city "${city}". Known cities: ${knownCities.join(', ')}.`,
      [{ field: 'city', reason: 'is not one of the known cities' }],
      { code: 'unknown_city' },
    );
    this.city = city;
    this.knownCities = knownCities;
  }
}

/** Not an IANA time zone name that this runtime's Intl knows. */
export class InvalidTimeZoneError extends InvalidInputError {
  readonly timeZone: string;

  constructor(timeZone: string) {
    super(
      `Unknown time zone "${timeZone}". Use an IANA name such as "Asia/Shanghai", "Europe/London" or "America/New_York".`,
      [{ field: 'timeZone', reason: 'is not an IANA time zone name' }],
      { code: 'invalid_time_zone' },
    );
    this.timeZone = timeZone;
  }
}

/** The calculator could not evaluate the expression; `column` is 1-based, 0 when not tied to one. */
export class ExpressionError extends InvalidInputError {
  readonly expression: string;
  readonly column: number;

  constructor(expression: string, reason: string, column = 0) {
    const where = column > 0 ? ` at column ${column}` : '';
    super(
      `${reason}${where} in "${expression}".`,
      [{ field: 'expression', reason: `${reason}${where}` }],
      { code: 'invalid_expression' },
    );
    this.expression = expression;
    this.column = column;
  }
}

export type FileAccessReason =
  | 'invalid_path'
  | 'absolute_path'
  | 'outside_root'
  | 'symlink_outside_root'
  | 'hidden'
  | 'not_found'
  | 'directory'
  | 'not_a_directory'
  | 'not_a_file'
  | 'too_large'
  | 'binary'
  /** Swapped (for a link, a FIFO, another file) between the check and the open: not read. */
  | 'changed'
  | 'unreadable';

/** A confined path or file was refused; `reason` says which rule, `path` is as it was given. */
export class FileAccessError extends AiError {
  readonly path: string;
  readonly reason: FileAccessReason;

  constructor(
    path: string,
    reason: FileAccessReason,
    message: string,
    options: AiErrorOptions = {},
  ) {
    super(message, { code: 'file_access_denied', ...options });
    this.path = path;
    this.reason = reason;
  }
}
