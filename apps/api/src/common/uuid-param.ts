import { ParseUUIDPipe } from '@nestjs/common';
import { CommonErrors } from './errors';

/** `@Param('id', UuidParam)`: an id that is not a UUID cannot exist, so it is a 404, not a 400. */
export const UuidParam = new ParseUUIDPipe({ exceptionFactory: () => CommonErrors.NOT_FOUND() });
