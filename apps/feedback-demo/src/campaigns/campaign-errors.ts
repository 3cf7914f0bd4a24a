// Statuses the campaign API adds to @repo/nest's mapping: 404 for an unknown campaign, 409 for an
// export of a campaign nobody has voted on yet.
import { ConflictException, NotFoundException } from '@nestjs/common';

export function campaignNotFound(id: string, field = 'id'): NotFoundException {
  return new NotFoundException({
    message: `No campaign "${id}".`,
    details: [
      { field, reason: 'is not a known campaign id (GET /api/feedback/campaigns lists them)' },
    ],
  });
}

export function nothingToExport(id: string): ConflictException {
  return new ConflictException({
    message: `Campaign "${id}" has no votes yet: there is nothing to export.`,
    details: [{ field: 'id', reason: 'names a campaign without votes' }],
  });
}
