import { PlusOutlined } from '@ant-design/icons';
import { Upload, type UploadFile } from 'antd';
import { api, call, fileBody } from '../lib/api';
import { showError } from '../lib/errors';
import { S } from '../strings';

/** Images as the API wants them (URLs from POST /admin/uploads); the first is the cover. */
export function ImageUploader({
  value = [],
  onChange,
  max = 9,
}: {
  value?: string[];
  onChange?: (v: string[]) => void;
  max?: number;
}) {
  const files: UploadFile[] = value.map((url) => ({
    uid: url,
    name: url.split('/').pop() ?? url,
    status: 'done',
    url,
  }));
  return (
    <Upload
      listType="picture-card"
      accept="image/jpeg,image/png,image/webp,image/gif"
      multiple
      fileList={files}
      onRemove={(f) => onChange?.(value.filter((u) => u !== f.url))}
      customRequest={async ({ file, onSuccess, onError }) => {
        try {
          const r = await call(api.POST('/api/admin/uploads', fileBody(file as Blob)));
          onChange?.([...value, r.url].slice(0, max));
          onSuccess?.(r);
        } catch (e) {
          showError(e);
          onError?.(e as Error);
        }
      }}
    >
      {value.length >= max ? null : (
        <div>
          <PlusOutlined />
          <div style={{ marginTop: 8 }}>{S.common.upload}</div>
        </div>
      )}
    </Upload>
  );
}
