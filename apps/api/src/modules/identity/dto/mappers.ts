import type { AdminView } from '../admin-users.service';
import type { TokenPair } from '../session.service';
import type { UserView } from '../users.service';
import type { AdminUserDto, TokenPairDto, UserProfileDto } from './auth.dto';

export const toTokenPairDto = (p: TokenPair): TokenPairDto => ({
  accessToken: p.accessToken,
  accessExpiresAt: p.accessExpiresAt.toISOString(),
  refreshToken: p.refreshToken,
  refreshExpiresAt: p.refreshExpiresAt.toISOString(),
});

export const toUserProfileDto = (u: UserView): UserProfileDto => ({
  id: u.id,
  nickname: u.nickname,
  avatarUrl: u.avatarUrl,
  phone: u.phone,
  roles: u.roles,
  createdAt: u.createdAt.toISOString(),
});

export const toAdminUserDto = (a: AdminView): AdminUserDto => ({
  id: a.id,
  username: a.username,
  displayName: a.displayName,
  roles: a.roles,
  storeIds: a.storeIds,
  disabled: a.disabled,
  lockedUntil: a.lockedUntil?.toISOString() ?? null,
  lastLoginAt: a.lastLoginAt?.toISOString() ?? null,
  createdAt: a.createdAt.toISOString(),
});
