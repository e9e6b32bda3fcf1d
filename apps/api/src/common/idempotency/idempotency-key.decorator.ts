import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { ApiHeader } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { CommonErrors } from '../errors';

const KEY = /^[0-9A-Za-z_-]{8,128}$/;

/** The client's key of a repeatable write (one per tap), checked and returned. */
export function readIdempotencyKey(header: unknown): string {
  const key = Array.isArray(header) ? header[0] : header;
  if (typeof key !== 'string' || !KEY.test(key)) {
    throw CommonErrors.VALIDATION_FAILED({
      fields: [{ field: 'Idempotency-Key', problems: ['header required: 8–128 of [0-9A-Za-z_-]'] }],
    });
  }
  return key;
}

const keyParam = createParamDecorator((_: unknown, host: ExecutionContext): string =>
  readIdempotencyKey(host.switchToHttp().getRequest<FastifyRequest>().headers['idempotency-key']),
);

/**
 * `@IdempotencyKey() key: string`: the required `Idempotency-Key` header, validated
 * (400 VALIDATION_FAILED when missing or malformed) and documented on the operation.
 */
export function IdempotencyKey(): ParameterDecorator {
  return (target, propertyKey, index) => {
    keyParam()(target, propertyKey, index);
    if (propertyKey === undefined) return;
    const descriptor = Object.getOwnPropertyDescriptor(target, propertyKey);
    if (descriptor)
      ApiHeader({
        name: 'Idempotency-Key',
        required: true,
        description: '8–128 of [0-9A-Za-z_-], one per tap',
      })(target, propertyKey, descriptor);
  };
}
