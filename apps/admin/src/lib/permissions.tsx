import { useQuery } from '@tanstack/react-query';
import { api, call, type Schemas } from './api';

export type Me = Schemas['AdminPermissionsDto'];

export function useMe(enabled = true) {
  return useQuery({
    queryKey: ['me'],
    queryFn: () => call<Me>(api.GET('/api/admin/auth/permissions')),
    enabled,
    staleTime: 5 * 60_000,
    retry: false,
  });
}

export function can(me: Me | undefined, permission: string | undefined): boolean {
  return !permission || !!me?.permissions.includes(permission as Me['permissions'][number]);
}
