import { Component, type ReactNode } from 'react';
import { Button, Result } from 'antd';
import { Link, useRouteError } from 'react-router';
import { ApiError } from '@cloudshelf/api-client';
import { errorText } from '../lib/errors';
import { S } from '../strings';

const home = (
  <Link to="/">
    <Button type="primary">{S.common.home}</Button>
  </Link>
);

export function Forbidden() {
  return <Result status="403" title={S.errors.forbiddenTitle} subTitle={S.errors.forbidden} extra={home} />;
}

export function NotFound({ text }: { text?: string }) {
  return (
    <Result status="404" title={S.errors.notFoundTitle} subTitle={text ?? S.errors.notFound} extra={home} />
  );
}

/** A failed load: 403 and 404 get their pages, anything else the message with its code. */
export function LoadError({ error, retry }: { error: unknown; retry?: () => void }) {
  if (error instanceof ApiError && error.status === 403) return <Forbidden />;
  if (error instanceof ApiError && error.status === 404) return <NotFound text={error.message} />;
  return (
    <Result
      status="error"
      title={S.errors.unexpected}
      subTitle={errorText(error)}
      extra={retry && <Button onClick={retry}>{S.common.retry}</Button>}
    />
  );
}

export function RouteError() {
  return <LoadError error={useRouteError()} retry={() => window.location.reload()} />;
}

/** Catches a screen that throws while rendering, so the menu stays usable. */
export class PageErrorBoundary extends Component<{ children?: ReactNode }, { error: unknown }> {
  override state = { error: null as unknown };
  static getDerivedStateFromError(error: unknown) {
    return { error };
  }
  override render() {
    if (this.state.error)
      return <LoadError error={this.state.error} retry={() => window.location.reload()} />;
    return this.props.children;
  }
}
