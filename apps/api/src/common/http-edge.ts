import type { Socket } from 'node:net';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, CommonErrors } from './errors';
import type { ErrorBody } from './error.filter';

/**
 * The edge of the HTTP server: what Fastify sees before the application does.
 * Everything refused here is answered in the one error shape `{ code, message, details? }`.
 */

/** Deepest nesting of objects and arrays a JSON body may have (DTOs need 4 or 5). */
export const MAX_JSON_DEPTH = 32;

/** Fails when `json` nests deeper than `max`, scanning the bytes once (strings and escapes skipped). */
export function jsonDepthExceeds(json: Buffer, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < json.length; i++) {
    const c = json[i];
    if (inString) {
      if (c === 0x5c)
        i++; // backslash: skip the escaped byte
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > max) return true;
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return false;
}

/** The first place a NUL byte occurs in a parsed value (`body.a[2].b`), else null. */
export function findNul(value: unknown, path: string, depth = 0): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path : null;
  if (!value || typeof value !== 'object' || depth > MAX_JSON_DEPTH + 2) return null;
  if (Buffer.isBuffer(value)) return null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const hit = findNul(value[i], `${path}[${i}]`, depth + 1);
      if (hit) return hit;
    }
    return null;
  }
  for (const [k, v] of Object.entries(value)) {
    if (k.includes('\u0000')) return `${path}.${k.split('\u0000').join('\\0')}`;
    const hit = findNul(v, `${path}.${k}`, depth + 1);
    if (hit) return hit;
  }
  return null;
}

const nulError = (field: string) =>
  CommonErrors.VALIDATION_FAILED({ fields: [{ field, problems: ['must not contain the NUL character'] }] });

/**
 * JSON bodies: refuses nesting deeper than MAX_JSON_DEPTH (class-validator and
 * class-transformer recurse, and a 30 kB body of brackets overflows the stack) and
 * NUL characters (PostgreSQL cannot store them), then parses as Fastify does
 * (prototype poisoning refused).
 */
export function jsonBodyParser(fastify: FastifyInstance) {
  const parse = fastify.getDefaultJsonParser('error', 'error');
  return (req: FastifyRequest, body: Buffer, done: (err: Error | null, value?: unknown) => void) => {
    if (jsonDepthExceeds(body, MAX_JSON_DEPTH)) {
      done(
        CommonErrors.VALIDATION_FAILED({
          fields: [{ field: 'body', problems: [`must not nest deeper than ${MAX_JSON_DEPTH} levels`] }],
        }),
      );
      return;
    }
    parse(req, body.toString('utf8'), (err, value) => {
      if (err) return done(err);
      const nul = findNul(value, 'body');
      done(nul ? nulError(nul.replace(/^body\.?/, '') || 'body') : null, value);
    });
  };
}

/** preValidation hook: a NUL in a path parameter, the query or a parsed body is refused (400). */
export function refuseNulInput(
  request: FastifyRequest,
  _reply: FastifyReply,
  done: (err?: Error) => void,
): void {
  const hit =
    findNul(request.params, 'params') ??
    findNul(request.query, 'query') ??
    (request.body !== undefined ? findNul(request.body, 'body') : null);
  if (hit) return done(nulError(hit.replace(/^(params|query|body)\./, '')));
  done();
}

function bodyOf(error: AppError): string {
  const body: ErrorBody = { code: error.code, message: error.message };
  if (error.details) body.details = error.details;
  return JSON.stringify(body);
}

/**
 * Errors Fastify raises before routing (bad percent-encoding, a path parameter over
 * `maxParamLength`): same shape, same status Fastify chose.
 */
export function frameworkErrors(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  const appError =
    error.code === 'FST_ERR_MAX_PARAM_LENGTH'
      ? CommonErrors.URI_TOO_LONG()
      : error.code === 'FST_ERR_BAD_URL'
        ? CommonErrors.BAD_REQUEST({ reason: 'malformed URL encoding' })
        : CommonErrors.INTERNAL({ requestId: String(request.id) });
  void reply
    .status(appError.status)
    .header('x-request-id', String(request.id))
    .header('content-type', 'application/json; charset=utf-8')
    .send(bodyOf(appError));
}

/**
 * Errors Node's HTTP parser raises before Fastify sees a request (headers too large,
 * a malformed request line, a timeout): written to the socket in the error shape.
 */
export function clientErrorHandler(err: NodeJS.ErrnoException, socket: Socket): void {
  if (err.code === 'ECONNRESET' || socket.destroyed) return;
  const appError =
    err.code === 'HPE_HEADER_OVERFLOW'
      ? CommonErrors.HEADERS_TOO_LARGE()
      : err.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? CommonErrors.REQUEST_TIMEOUT()
        : CommonErrors.BAD_REQUEST({ reason: 'malformed HTTP request' });
  if (socket.writable) {
    const body = Buffer.from(bodyOf(appError));
    socket.write(
      `HTTP/1.1 ${appError.status} ${statusText(appError.status)}\r\nConnection: close\r\n` +
        `Content-Type: application/json; charset=utf-8\r\nContent-Length: ${body.length}\r\n\r\n`,
    );
    socket.write(body);
  }
  socket.destroy(err);
}

function statusText(status: number): string {
  return (
    { 400: 'Bad Request', 408: 'Request Timeout', 431: 'Request Header Fields Too Large' }[status] ?? 'Error'
  );
}
