import { ModalForm, ProFormText } from '@ant-design/pro-components';
import { Form, message } from 'antd';
import { api, call } from '../lib/api';
import { applyFieldErrors } from '../lib/errors';
import { setTokens } from '../lib/session';
import { S } from '../strings';

interface Values {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

export function ChangePassword({
  open,
  onOpenChange,
}: {
  open: boolean;
  onOpenChange: (o: boolean) => void;
}) {
  const [form] = Form.useForm<Values>();
  return (
    <ModalForm<Values>
      title={S.account.changePassword}
      open={open}
      form={form}
      width={420}
      onOpenChange={onOpenChange}
      modalProps={{ destroyOnHidden: true }}
      onFinish={async (v) => {
        try {
          const pair = await call(
            api.POST('/api/admin/auth/password', {
              body: { currentPassword: v.currentPassword, newPassword: v.newPassword },
            }),
          );
          setTokens(pair);
          void message.success(S.account.changed);
          return true;
        } catch (e) {
          applyFieldErrors(form, e);
          return false;
        }
      }}
    >
      <ProFormText.Password
        name="currentPassword"
        label={S.account.currentPassword}
        rules={[{ required: true }]}
      />
      <ProFormText.Password
        name="newPassword"
        label={S.account.newPassword}
        rules={[{ required: true, min: 8, max: 128, message: S.account.minLength }]}
      />
      <ProFormText.Password
        name="confirm"
        label={S.account.confirmPassword}
        dependencies={['newPassword']}
        rules={[
          { required: true },
          ({ getFieldValue }) => ({
            validator: (_, v) =>
              v === getFieldValue('newPassword')
                ? Promise.resolve()
                : Promise.reject(new Error(S.account.mismatch)),
          }),
        ]}
      />
    </ModalForm>
  );
}
