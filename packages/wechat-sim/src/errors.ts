import type { FastifyError, FastifyInstance } from 'fastify';

/** A WeChat Pay v3 error: HTTP status plus `{code, message, detail?}`. */
export class PayError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly detail?: Record<string, unknown>,
  ) {
    super(message);
  }
}

/** A mini-program server API error: HTTP 200 with `{errcode, errmsg}`. */
export class MiniError extends Error {
  constructor(
    readonly errcode: number,
    readonly errmsg: string,
  ) {
    super(errmsg);
  }
}

/** A control-surface error (`/sim/*`), in CloudShelf's own shape. */
export class SimError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export function paramError(field: string, issue: string, value?: unknown): PayError {
  return new PayError(400, 'PARAM_ERROR', `${field}: ${issue}`, { field, value, issue, location: 'body' });
}

/** Every error leaves in WeChat's shape for its path family; a stack trace never does. */
export function installErrorHandlers(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError | Error, req, reply) => {
    const path = req.url.split('?')[0];
    if (err instanceof PayError) {
      return reply
        .status(err.status)
        .send({ code: err.code, message: err.message, ...(err.detail ? { detail: err.detail } : {}) });
    }
    if (err instanceof MiniError) return reply.status(200).send({ errcode: err.errcode, errmsg: err.errmsg });
    if (err instanceof SimError)
      return reply.status(err.status).send({ code: err.code, message: err.message });
    const status = (err as FastifyError).statusCode;
    const clientError = typeof status === 'number' && status >= 400 && status < 500;
    if (!clientError) req.log.error({ err }, 'simulator internal error');
    if (path.startsWith('/v3/')) {
      return clientError
        ? reply.status(400).send({ code: 'PARAM_ERROR', message: '参数错误: 请求体格式不正确' })
        : reply.status(500).send({ code: 'SYSTEM_ERROR', message: '系统错误' });
    }
    if (path.startsWith('/sim')) {
      return reply
        .status(clientError ? 400 : 500)
        .send({ code: clientError ? 'BAD_REQUEST' : 'INTERNAL', message: err.message });
    }
    return reply
      .status(200)
      .send(
        clientError ? { errcode: 44002, errmsg: 'empty post data' } : { errcode: -1, errmsg: 'system error' },
      );
  });
  app.setNotFoundHandler((req, reply) => {
    if (req.url.startsWith('/v3/'))
      return reply.status(404).send({ code: 'NOT_FOUND', message: '请求的资源不存在' });
    if (req.url.startsWith('/sim'))
      return reply.status(404).send({ code: 'NOT_FOUND', message: 'no such control route' });
    return reply.status(404).send({ errcode: 40066, errmsg: 'invalid url' });
  });
}
