import type { FastifyRequest } from 'fastify';
import { CatalogErrors } from './catalog.errors';
import type { UploadDto } from './dto/product.dto';
import { FILE_KEY, IMAGE_TYPES, sniffImageType, type FileStorage } from './file-storage';

export const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;

/** Where an upload is served; `uploadKeyOf` reads the key back out of such a URL. */
export const UPLOAD_URL = /^\/api\/uploads\/([0-9a-f]{64}\.(?:jpg|png|webp|gif))$/;

export function uploadUrl(key: string): string {
  return `/api/uploads/${key}`;
}

/** The storage key of a URL served by this system's upload route, else null. */
export function uploadKeyOf(url: string): string | null {
  const key = UPLOAD_URL.exec(url)?.[1];
  return key && FILE_KEY.test(key) ? key : null;
}

/**
 * Takes one image from a multipart request (field `file`, at most 5 MiB) and stores it.
 * The type is read from the bytes, never from the declared mimetype, so a script
 * named a.png is refused. Shared by the admin and the consumer upload routes.
 */
export async function storeImageUpload(req: FastifyRequest, storage: FileStorage): Promise<UploadDto> {
  if (!req.isMultipart()) throw CatalogErrors.UPLOAD_INVALID({ reason: 'not multipart/form-data' });
  const part = await req.file({ limits: { fileSize: MAX_UPLOAD_BYTES, files: 1 } });
  if (!part) throw CatalogErrors.UPLOAD_INVALID({ reason: 'no file' });
  const data = await part.toBuffer(); // throws 413 past the limit
  const sniffed = sniffImageType(data);
  if (!sniffed || !IMAGE_TYPES[sniffed]) throw CatalogErrors.UPLOAD_INVALID({ declared: part.mimetype });
  const stored = await storage.put(data, sniffed);
  return { ...stored, url: uploadUrl(stored.key) };
}

/** The multipart body of an upload route, for `@ApiBody`. */
export const IMAGE_UPLOAD_BODY = {
  schema: {
    type: 'object' as const,
    required: ['file'],
    properties: { file: { type: 'string' as const, format: 'binary' } },
  },
};
