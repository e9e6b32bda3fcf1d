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
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'TOO_MANY_REQUESTS',
};

/**
 * Maps any error to an AppError: ours as they are, framework 4xx by status, an unreachable
 * database to SERVICE_UNAVAILABLE (503, the client may retry), the rest to INTERNAL.
 */
export function toAppError(error: unknown, requestId: string): { appError: AppError; unexpected: boolean } {
  if (error instanceof AppError) return { appError: error, unexpected: false };
  if (isDatabaseUnavailable(error))
    return { appError: CommonErrors.SERVICE_UNAVAILABLE(), unexpected: false };
  const status =
    error instanceof HttpException
      ? error.getStatus()
      : typeof (error as { statusCode?: unknown })?.statusCode === 'number'
        ? (error as { statusCode: number }).statusCode
        : 500;
  const common = BY_STATUS[status];
  if (status >= 400 && status < 500 && common) return { appError: CommonErrors[common](), unexpected: false };
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
    const body: ErrorBody = { code: appError.code, message: appError.message };
    if (appError.details) body.details = appError.details;
    void reply.status(appError.status).header('x-request-id', requestId).send(body);
  }
}
