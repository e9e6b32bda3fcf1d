import { api, authed } from './api';
import { load, save } from './storage';

const ROLES = 'cs.roles';
const OPENED_SHARE = 'cs.openedShare';

export function rememberRoles(roles: string[]): void {
  save(ROLES, roles);
}

export function isReseller(): boolean {
  return (load<string[]>(ROLES) ?? []).includes('reseller');
}

const links = new Map<string, Promise<string | undefined>>();

/**
 * The share path for a product (or the shop): a reseller's carries their share code, so whoever
 * opens it is bound to them; anyone else shares the plain page.
 */
export function sharePath(productId?: string): Promise<string> {
  const plain = productId ? `/packages/goods/detail/index?id=${productId}` : '/pages/index/index';
  if (!isReseller()) return Promise.resolve(plain);
  const key = productId ?? '';
  if (!links.has(key)) {
    links.set(
      key,
      authed(() => api.POST('/api/app/share-links', { body: productId ? { productId } : {} }))
        .then((l) => l.shareCode)
        .catch(() => undefined),
    );
  }
  return links.get(key)!.then((code) => (code ? `/pages/share/index?scene=${code}` : plain));
}

/** A share code opened in this session: checkout passes it on so the order is attributed. */
export function openedShareCode(): string | undefined {
  return load<string>(OPENED_SHARE) || undefined;
}

export function rememberOpenedShare(code: string): void {
  save(OPENED_SHARE, code);
}
