import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth, ApiExtension } from '@nestjs/swagger';
import type { Permission } from './permissions';

export const ACCESS_KEY = 'cloudshelf:access';

/** Who may call a route. Every route declares one; the guard refuses routes that do not. */
export type Access =
  | { kind: 'public' }
  | { kind: 'optional-user' }
  | { kind: 'user' }
  | { kind: 'admin'; permission: Permission };

/** Anyone (health, WeChat notifications, login). */
export const Public = () => SetMetadata(ACCESS_KEY, { kind: 'public' } satisfies Access);

/**
 * Anyone, but a valid user token identifies the caller (ctx.actor); an invalid or
 * expired one is ignored, not refused (the scan landing page: a scan must never fail
 * for a stale login).
 */
export const OptionalUserRoute = () =>
  applyDecorators(SetMetadata(ACCESS_KEY, { kind: 'optional-user' } satisfies Access), ApiBearerAuth());

/** A logged-in mini-program user (consumer, reseller, store staff, agent). */
export const UserRoute = () =>
  applyDecorators(SetMetadata(ACCESS_KEY, { kind: 'user' } satisfies Access), ApiBearerAuth());

/** An admin user whose role holds `permission`. */
export const AdminRoute = (permission: Permission) =>
  applyDecorators(
    SetMetadata(ACCESS_KEY, { kind: 'admin', permission } satisfies Access),
    ApiBearerAuth(),
    ApiExtension('x-permission', permission),
  );
