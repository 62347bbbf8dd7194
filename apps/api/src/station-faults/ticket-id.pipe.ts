import { ParseUUIDPipe } from '@nestjs/common';
import { ApiError } from '../http/api-error';

/** A station fault's id in the path: a UUID, else a 400 naming it. */
export const ticketIdPipe = new ParseUUIDPipe({
  exceptionFactory: () =>
    new ApiError(400, 'INVALID_REQUEST', 'ticketId must be a UUID', {
      fields: [{ field: 'path.ticketId', problems: ['must be a UUID'] }],
    }),
});
