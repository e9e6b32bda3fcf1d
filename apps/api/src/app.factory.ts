import type { IncomingMessage } from 'node:http';
import type { Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { SwaggerModule } from '@nestjs/swagger';
import multipart from '@fastify/multipart';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module';
import { AppErrorFilter } from './common/error.filter';
import { requestIdFor } from './common/logging';
import { createValidationPipe } from './common/validation';
import { AppConfig } from './config/config';
import { buildOpenApi } from './openapi';
import { serveWebApps } from './web-apps';

export interface CreateAppOptions {
  /** Build the module graph without instantiating providers (no database): for emitting OpenAPI. */
  preview?: boolean;
  /** Extra modules mounted beside the application's (tests mount probe controllers here). */
  extraModules?: Type<unknown>[];
}

/** Builds the whole API (used by main, the e2e tests and the OpenAPI emitter). Does not listen. */
export async function createApp(
  config: AppConfig,
  opts: CreateAppOptions = {},
): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    logger: false,
    genReqId: (req: IncomingMessage) => requestIdFor(req),
    bodyLimit: 2 * 1024 * 1024,
    trustProxy: true,
  });
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.forRoot(config, opts.extraModules),
    adapter,
    {
      bufferLogs: true,
      rawBody: true, // WeChat Pay notifications are verified over the exact bytes
      preview: opts.preview,
      abortOnError: false,
    },
  );
  if (!opts.preview) app.useLogger(app.get(Logger));
  // Image uploads (catalog); limits are set again per route. Parts arrive only through request.file().
  await app.register(multipart, { limits: { fileSize: 5 * 1024 * 1024, files: 1, fields: 5 } });
  if (!opts.preview) await serveWebApps(app, config);
  app.setGlobalPrefix('api');
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new AppErrorFilter());
  const fastify = app.getHttpAdapter().getInstance();
  fastify.addHook('onRequest', (request, reply, done) => {
    // pino-http reads `id` from the raw request; the header answers every response.
    (request.raw as typeof request.raw & { id?: string }).id = String(request.id);
    void reply.header('x-request-id', request.id);
    done();
  });
  const doc = buildOpenApi(app);
  SwaggerModule.setup('api/docs', app, doc, { jsonDocumentUrl: 'api/docs-json', useGlobalPrefix: false });
  return app;
}
