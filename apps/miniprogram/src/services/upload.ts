import Taro from '@tarojs/taro';
import { ApiError } from '@cloudshelf/api-client';
import { apiBase, ensureLogin, sessionToken } from './api';

/** Uploads one local image (wx temp path, or a blob URL on H5) and returns its API URL. */
export async function uploadImage(filePath: string): Promise<string> {
  await ensureLogin();
  const res = await Taro.uploadFile({
    url: `${apiBase()}/api/app/uploads`,
    filePath,
    name: 'file',
    header: { Authorization: `Bearer ${sessionToken()}` },
  });
  const body = JSON.parse(res.data || '{}') as { url?: string; code?: string; message?: string };
  if (res.statusCode >= 300 || !body.url) {
    throw new ApiError(
      res.statusCode,
      (body.code ?? 'INTERNAL') as ApiError['code'],
      body.message ?? '上传失败',
    );
  }
  return body.url;
}
