import * as fs from 'node:fs';
import * as path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppConfig } from './config/config';

/** A built file name carrying a content hash (`index.3f9a1c2b.js`, `app-BxY1_z9Q.css`). */
const HASHED = /[.-][A-Za-z0-9_]{8,}\.(?:js|css|woff2?|png|jpe?g|svg|gif|webp)$/;

function cacheControl(file: string): string {
  if (file.endsWith('.html')) return 'no-cache';
  return HASHED.test(path.basename(file)) ? 'public, max-age=31536000, immutable' : 'public, max-age=3600';
}

/**
 * Serves the built web admin at `/admin/` and the built H5 mini-program at `/h5/`, each only
 * when its folder holds an index.html. Unknown paths below a prefix answer the app's
 * index.html (single-page routing); `/admin` and `/h5` redirect to the slash form.
 * Returns the prefixes served.
 */
export async function serveWebApps(app: NestFastifyApplication, config: AppConfig): Promise<string[]> {
  const fastify = app.getHttpAdapter().getInstance();
  const served: string[] = [];
  for (const [prefix, dir] of [
    ['/admin/', config.webApps.admin],
    ['/h5/', config.webApps.h5],
  ] as const) {
    const index = path.join(dir, 'index.html');
    if (!fs.existsSync(index)) continue;
    await app.register(fastifyStatic, {
      root: dir,
      prefix,
      decorateReply: false,
      wildcard: false,
      index: false,
      cacheControl: false,
      setHeaders: (reply: FastifyReply, file: string) =>
        void reply.header('cache-control', cacheControl(file)),
    });
    const sendIndex = async (_req: FastifyRequest, reply: FastifyReply) =>
      reply
        .type('text/html; charset=utf-8')
        .header('cache-control', 'no-cache')
        .send(await fs.promises.readFile(index));
    fastify.get(prefix, sendIndex);
    fastify.get(`${prefix}*`, sendIndex);
    fastify.get(prefix.slice(0, -1), (_req, reply) => reply.redirect(prefix, 301));
    served.push(prefix);
  }
  return served;
}
