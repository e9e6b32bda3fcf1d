import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { LoginForm, ProFormText } from '@ant-design/pro-components';
import { useQueryClient } from '@tanstack/react-query';
import { Alert } from 'antd';
import { useState } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { api, call } from '../lib/api';
import { errorText } from '../lib/errors';
import { setTokens } from '../lib/session';
import { S } from '../strings';

export default function Login() {
  const navigate = useNavigate();
  const location = useLocation();
  const qc = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const expired = new URLSearchParams(location.search).get('expired') === '1';
  return (
    <div style={{ minHeight: '100vh', background: '#f0f2f5', paddingTop: 96 }}>
      <LoginForm
        title={S.appName}
        subTitle={S.login.title}
        submitter={{ searchConfig: { submitText: S.login.submit } }}
        onFinish={async (v: { username: string; password: string }) => {
          setError(null);
          try {
            const r = await call(api.POST('/api/admin/auth/login', { body: v }));
            setTokens(r);
            qc.clear();
            const from = new URLSearchParams(location.search).get('from');
            navigate(from && from.startsWith('/') ? from : '/', { replace: true });
          } catch (e) {
            setError(errorText(e));
          }
        }}
      >
        {expired && !error && (
          <Alert style={{ marginBottom: 16 }} type="warning" showIcon message={S.login.expired} />
        )}
        {error && <Alert style={{ marginBottom: 16 }} type="error" showIcon message={error} role="alert" />}
        <ProFormText
          name="username"
          fieldProps={{ size: 'large', prefix: <UserOutlined />, autoComplete: 'username' }}
          placeholder={S.login.username}
          rules={[{ required: true, message: S.login.required }]}
        />
        <ProFormText.Password
          name="password"
          fieldProps={{ size: 'large', prefix: <LockOutlined />, autoComplete: 'current-password' }}
          placeholder={S.login.password}
          rules={[{ required: true, message: S.login.required }]}
        />
      </LoginForm>
    </div>
  );
}
