import { RequestMethod } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Params } from 'nestjs-pino';
import type { AppConfig } from '../config/config';

const CLIENT_ID = /^[0-9A-Za-z._:-]{1,128}$/;

/** Keeps a sane caller-provided `x-request-id`, else makes one. Used as Fastify's genReqId. */
export function requestIdFor(req: IncomingMessage): string {
  const given = req.headers['x-request-id'];
  return typeof given === 'string' && CLIENT_ID.test(given) ? given : randomUUID();
}

/** pino through nestjs-pino: one JSON line per event, each request's lines carry its id. */
export function loggerParams(config: AppConfig): Params {
  return {
    forRoutes: [{ path: '{*path}', method: RequestMethod.ALL }],
    pinoHttp: {
      level: config.logLevel,
      // Fastify already chose the id (genReqId); reuse it so logs and the header agree.
      genReqId: (req) => (req as IncomingMessage & { id?: string }).id ?? requestIdFor(req),
      customProps: () => ({ service: 'cloudshelf-api' }),
      redact: ['req.headers.authorization', 'req.headers.cookie'],
      autoLogging: { ignore: (req) => (req.url ?? '').startsWith('/api/health') },
      transport: undefined,
    },
  };
}
