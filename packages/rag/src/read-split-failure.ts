// Errors of reading and splitting, as plain data that crosses a worker thread's boundary (a class
// does not survive structured cloning) and back into the same typed errors on the other side, so
// an app maps a file read in a worker exactly like one read in-process (415, 422, skipped).
import { InvalidInputError, type InvalidInputDetail } from '@repo/core';
import {
  CorruptDocumentError,
  EmptyDocumentError,
  TooManyChunksError,
  UnsupportedDocumentTypeError,
} from './etl-errors.js';

export type ReadSplitFailure =
  | {
      kind: 'unsupported';
      source: string;
      extension?: string;
      mimeType?: string;
      supported: string[];
    }
  | { kind: 'corrupt'; source: string; reason: string }
  | { kind: 'empty'; source: string; reason: string }
  | { kind: 'too_many_chunks'; source: string; limit: number }
  | { kind: 'invalid'; message: string; details: InvalidInputDetail[] };

/** The failure as data; an error that is no fault of the file (a bug) is thrown on. */
export function toFailure(error: unknown, source: string): ReadSplitFailure {
  if (error instanceof UnsupportedDocumentTypeError)
    return {
      kind: 'unsupported',
      source: error.source,
      extension: error.extension,
      mimeType: error.mimeType,
      supported: error.supported,
    };
  if (error instanceof CorruptDocumentError)
    return { kind: 'corrupt', source: error.source, reason: error.reason };
  if (error instanceof EmptyDocumentError)
    return { kind: 'empty', source: error.source, reason: error.reason };
  if (error instanceof TooManyChunksError)
    return { kind: 'too_many_chunks', source: error.source, limit: error.limit };
  if (error instanceof InvalidInputError)
    return { kind: 'invalid', message: error.message, details: error.details };
  // A stack overflow in a reader or the splitter on hostile input is the file's fault.
  if (error instanceof RangeError)
    return { kind: 'corrupt', source, reason: 'it is nested too deeply to be read' };
  throw error;
}

export function fromFailure(failure: ReadSplitFailure): InvalidInputError {
  switch (failure.kind) {
    case 'unsupported':
      return new UnsupportedDocumentTypeError(failure);
    case 'corrupt':
      return new CorruptDocumentError(failure.source, failure.reason);
    case 'empty':
      return new EmptyDocumentError(failure.source, failure.reason);
    case 'too_many_chunks':
      return new TooManyChunksError(failure.source, failure.limit);
    case 'invalid':
      return new InvalidInputError(failure.message, failure.details);
  }
}
