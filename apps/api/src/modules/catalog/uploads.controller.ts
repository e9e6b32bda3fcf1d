import { Controller, Get, Headers, Inject, Param, Post, Req, Res } from '@nestjs/common';
import {
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AdminRoute, Public } from '../../common/auth/auth.decorators';
import { CatalogErrors } from './catalog.errors';
import { UploadDto } from './dto/product.dto';
import { FILE_KEY, FILE_STORAGE, type FileStorage } from './file-storage';
import { IMAGE_UPLOAD_BODY, storeImageUpload } from './image-upload';

/** Image upload for the admin (product images, category icons) and serving with long cache headers. */
@ApiTags('uploads')
@Controller()
export class UploadsController {
  constructor(@Inject(FILE_STORAGE) private readonly storage: FileStorage) {}

  @Post('admin/uploads')
  @AdminRoute('catalog:write')
  @ApiOperation({
    summary: 'Upload one image (JPG, PNG, WebP, GIF; at most 5 MiB) as multipart field `file`',
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody(IMAGE_UPLOAD_BODY)
  @ApiCreatedResponse({ type: UploadDto })
  upload(@Req() req: FastifyRequest): Promise<UploadDto> {
    return storeImageUpload(req, this.storage);
  }

  @Get('uploads/:key')
  @Public()
  @ApiOperation({ summary: 'An uploaded file; content-addressed, so cacheable for a year (immutable)' })
  @ApiOkResponse({ description: 'The image bytes' })
  async serve(
    @Param('key') key: string,
    @Headers('if-none-match') ifNoneMatch: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Buffer | undefined> {
    if (!FILE_KEY.test(key)) throw CatalogErrors.UPLOAD_NOT_FOUND();
    const etag = `"${key.split('.')[0]}"`;
    void reply.header('cache-control', 'public, max-age=31536000, immutable').header('etag', etag);
    if (ifNoneMatch === etag) {
      void reply.status(304);
      return undefined;
    }
    const file = await this.storage.get(key);
    if (!file) throw CatalogErrors.UPLOAD_NOT_FOUND();
    void reply.header('content-type', file.contentType).header('x-content-type-options', 'nosniff');
    return file.data;
  }
}
