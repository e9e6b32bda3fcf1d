import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { allErrorCodes } from './common/errors';

/**
 * The OpenAPI document, generated from the controllers and DTOs. Error codes of
 * every module are listed as the `ErrorCode` enum so clients can switch on them.
 */
export function buildOpenApi(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('CloudShelf API')
    .setDescription(
      '云货架 — shelves in partner stores, scan to buy, cloud-store rewards and reseller commissions.',
    )
    .setVersion('0.1.0')
    .addBearerAuth()
    .build();
  const doc = SwaggerModule.createDocument(app, config);
  const codes = allErrorCodes();
  doc.components = doc.components ?? {};
  doc.components.schemas = {
    ...doc.components.schemas,
    ErrorCode: {
      type: 'string',
      enum: Object.keys(codes),
      description: Object.entries(codes)
        .map(([code, d]) => `${code} (${d.status}): ${d.message}`)
        .join('\n'),
    },
    ErrorBody: {
      type: 'object',
      required: ['code', 'message'],
      properties: {
        code: { $ref: '#/components/schemas/ErrorCode' },
        message: { type: 'string', description: 'Chinese, for users' },
        details: { type: 'object', additionalProperties: true },
      },
    },
  };
  return doc;
}
