import { Controller, Inject, Post, Req } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { UserRoute } from '../../../common/auth/auth.decorators';
import { UploadDto } from '../../catalog/dto/product.dto';
import { FILE_STORAGE, type FileStorage } from '../../catalog/file-storage';
import { IMAGE_UPLOAD_BODY, storeImageUpload } from '../../catalog/image-upload';

/**
 * Photo upload for buyers (after-sale photos). Same storage and the same checks as the
 * admin upload; the URL it answers is the only kind of photo an after-sale accepts.
 */
@ApiTags('uploads')
@Controller('app')
export class AppUploadsController {
  constructor(@Inject(FILE_STORAGE) private readonly storage: FileStorage) {}

  @Post('uploads')
  @UserRoute()
  @ApiOperation({
    summary: 'Upload one photo (JPG, PNG, WebP, GIF; at most 5 MiB) as multipart field `file`',
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody(IMAGE_UPLOAD_BODY)
  @ApiCreatedResponse({ type: UploadDto })
  upload(@Req() req: FastifyRequest): Promise<UploadDto> {
    return storeImageUpload(req, this.storage);
  }
}
