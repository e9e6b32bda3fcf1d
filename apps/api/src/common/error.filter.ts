import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { isDatabaseUnavailable } from './database-unavailable';
import { AppError, CommonErrors } from './errors';

export interface ErrorBody {
  code: string;
  message: string;
  details?: Record<string, unknown>;
}

const BY_STATUS: Record<number, keyof typeof CommonErrors> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  406: 'NOT_ACCEPTABLE',
  408: 'REQUEST_TIMEOUT',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  414: 'URI_TOO_LONG',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'TOO_MANY_REQUESTS',
  431: 'HEADERS_TOO_LARGE',
};

/** @fastify/multipart's codes for a body that is not (well-formed) multipart. */
const MALFORMED_MULTIPART = new Set([
  'FST_INVALID_MULTIPART_CONTENT_TYPE',
  'FST_INVALID_JSON_FIELD_ERROR',
  'FST_PROTO_VIOLATION',
  'FST_MP_PREMATURE_CLOSE',
]);

/** A multipart body the parser (busboy) could not read: no boundary, a part cut off, a broken header. */
function isMalformedMultipart(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && MALFORMED_MULTIPART.has(code)) return true;
  return code === undefined && /[\\/]@fastify[\\/]busboy[\\/]/.test(error.stack ?? '');
}

/**
 * PostgreSQL's data exceptions (SQLSTATE class 22: invalid byte sequence, value too long,
 * numeric out of range, invalid text representation, bad date) are input a validator let
 * through: the client's mistake, answered 400, never 500.
 */
const PG_DATA_ERRORS: Record<string, string> = {
  '22001': 'value too long',
  '22003': 'number out of range',
  '22007': 'invalid date or time',
  '22008': 'date or time out of range',
  '22021': 'invalid character',
  '22P02': 'invalid value',
  '22P05': 'invalid character',
  '2201E': 'invalid number',
  '22012': 'division by zero',
};

function pgDataError(error: unknown): string | null {
  const e = error as { driverError?: { code?: unknown }; code?: unknown };
  const code = e?.driverError?.code ?? e?.code;
  if (typeof code !== 'string' || !/^22[0-9A-Z]{3}$/.test(code)) return null;
  if (
    !(error instanceof Error) ||
    !/QueryFailedError|DatabaseError/.test(error.name + error.constructor?.name)
  )
    return null;
  return PG_DATA_ERRORS[code] ?? 'invalid data';
}

/**
 * Maps any error to an AppError: ours as they are, an unreachable database to
 * SERVICE_UNAVAILABLE (503, the client may retry), malformed uploads and PostgreSQL data
 * errors to 400, framework 4xx by status (an unknown 4xx keeps its status), the rest to
 * INTERNAL.
 */
export function toAppError(error: unknown, requestId: string): { appError: AppError; unexpected: boolean } {
  if (error instanceof AppError) return { appError: error, unexpected: false };
  if (isDatabaseUnavailable(error))
    return { appError: CommonErrors.SERVICE_UNAVAILABLE(), unexpected: false };
  if (isMalformedMultipart(error)) {
    return {
      appError: CommonErrors.UPLOAD_INVALID(
        { reason: 'malformed multipart body' },
        '上传内容不完整或格式有误',
      ),
      unexpected: false,
    };
  }
  const dataError = pgDataError(error);
  if (dataError) {
    return {
      appError: CommonErrors.VALIDATION_FAILED({ fields: [], reason: dataError }),
      unexpected: false,
    };
  }
  const status =
    error instanceof HttpException
      ? error.getStatus()
      : typeof (error as { statusCode?: unknown })?.statusCode === 'number'
        ? (error as { statusCode: number }).statusCode
        : 500;
  if (status >= 400 && status < 500) {
    const common = BY_STATUS[status];
    const appError = common
      ? CommonErrors[common]()
      : new AppError('BAD_REQUEST', CommonErrors.BAD_REQUEST().message, status);
    return { appError, unexpected: false };
  }
  if (status === 503) return { appError: CommonErrors.SERVICE_UNAVAILABLE(), unexpected: false };
  return { appError: CommonErrors.INTERNAL({ requestId }), unexpected: true };
}

/** The single place that shapes error responses as `{ code, message, details? }` (API.md). */
@Catch()
export class AppErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(error: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    const requestId = String(request?.id ?? '');
    const { appError, unexpected } = toAppError(error, requestId);
    if (unexpected) this.logger.error({ err: error, requestId }, 'unexpected error');
    else if (appError.code === 'VALIDATION_FAILED' && !(error instanceof AppError))
      this.logger.warn({ err: error, requestId }, 'database refused input the validators let through');
    if (appError.status === 429 && appError.details?.retryAfterSeconds !== undefined)
      void reply.header('retry-after', String(appError.details.retryAfterSeconds));
    const body: ErrorBody = { code: appError.code, message: appError.message };
    if (appError.details) body.details = appError.details;
    // JSON even when the route declared another type (CSV, PNG, PDF) before it failed.
    void reply
      .status(appError.status)
      .header('x-request-id', requestId)
      .header('content-type', 'application/json; charset=utf-8')
      .send(body);
  }
}
