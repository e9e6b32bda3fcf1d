import { KeyOutlined, LogoutOutlined } from '@ant-design/icons';
import { ProLayout } from '@ant-design/pro-components';
import { useQueryClient } from '@tanstack/react-query';
import { Dropdown, Spin, Tag } from 'antd';
import { Suspense, useEffect, useState } from 'react';
import { Link, Navigate, Outlet, useLocation, useNavigate } from 'react-router';
import { api } from '../lib/api';
import { can, useMe } from '../lib/permissions';
import { getTokens, onExpired, setTokens } from '../lib/session';
import { S } from '../strings';
import { ChangePassword } from './ChangePassword';
import { Forbidden, LoadError, PageErrorBoundary } from './ErrorPages';
import { firstPath, menuFor, permissionFor } from './menu';

export function PageSpin() {
  return (
    <div style={{ padding: 96, textAlign: 'center' }}>
      <Spin tip={S.common.loading}>
        <div style={{ height: 40 }} />
      </Spin>
    </div>
  );
}

/** The logged-in frame: role-aware menu, account menu, session expiry → login. */
export default function Shell() {
  const location = useLocation();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const loggedIn = !!getTokens();
  const me = useMe(loggedIn);
  const [pwOpen, setPwOpen] = useState(false);

  useEffect(
    () =>
      onExpired(() => {
        qc.clear();
        navigate(`/login?expired=1&from=${encodeURIComponent(location.pathname + location.search)}`, {
          replace: true,
        });
      }),
    [navigate, qc, location.pathname, location.search],
  );

  if (!loggedIn) return <Navigate to={`/login?from=${encodeURIComponent(location.pathname)}`} replace />;
  if (me.isLoading) return <PageSpin />;
  if (me.error) return <LoadError error={me.error} retry={() => void me.refetch()} />;
  if (location.pathname === '/') return <Navigate to={firstPath(me.data)} replace />;
  const allowed = can(me.data, permissionFor(location.pathname));

  const logout = async () => {
    await api.POST('/api/admin/auth/logout').catch(() => undefined);
    setTokens(null);
    qc.clear();
    navigate('/login', { replace: true });
  };

  return (
    <ProLayout
      title={S.appName}
      logo={false}
      layout="mix"
      fixSiderbar
      fixedHeader
      location={{ pathname: location.pathname }}
      route={{ path: '/', routes: menuFor(me.data) }}
      menu={{ defaultOpenAll: true, ignoreFlatMenu: true }}
      menuItemRender={(item, dom) => (item.path ? <Link to={item.path}>{dom}</Link> : dom)}
      avatarProps={{
        title: (
          <span data-testid="account-name">
            {me.data?.displayName ?? me.data?.username}{' '}
            {me.data?.roles.map((r) => (
              <Tag key={r} color="blue" style={{ marginInlineEnd: 0 }}>
                {S.roles[r] ?? r}
              </Tag>
            ))}
          </span>
        ),
        size: 'small',
        render: (_, dom) => (
          <Dropdown
            menu={{
              items: [
                {
                  key: 'pw',
                  icon: <KeyOutlined />,
                  label: S.account.changePassword,
                  onClick: () => setPwOpen(true),
                },
                {
                  key: 'logout',
                  icon: <LogoutOutlined />,
                  label: S.account.logout,
                  onClick: () => void logout(),
                },
              ],
            }}
          >
            {dom}
          </Dropdown>
        ),
      }}
      token={{ header: { heightLayoutHeader: 52 } }}
      ErrorBoundary={PageErrorBoundary}
    >
      <ChangePassword open={pwOpen} onOpenChange={setPwOpen} />
      <Suspense fallback={<PageSpin />}>{allowed ? <Outlet context={me.data} /> : <Forbidden />}</Suspense>
    </ProLayout>
  );
}
