import { useQuery } from '@tanstack/react-query';
import { api, call, type Schemas } from './api';

type Names = Schemas['NamesDto'];
type Ids = (string | null | undefined)[] | undefined;

const clean = (ids: Ids) => [...new Set((ids ?? []).filter((x): x is string => !!x))].sort();

/**
 * Display names for the ids on one page of a list, in one request (the API batches
 * them): `const n = useNames({ userIds, storeIds, orderIds })`, then `n.userLabel(id)`,
 * `n.store(id)`, `n.order(id)`.
 */
export function useNames(ids: {
  userIds?: Ids;
  storeIds?: Ids;
  orderIds?: Ids;
  productIds?: Ids;
  skuIds?: Ids;
  adminIds?: Ids;
}) {
  const userIds = clean(ids.userIds);
  const storeIds = clean(ids.storeIds);
  const orderIds = clean(ids.orderIds);
  const productIds = clean(ids.productIds);
  const skuIds = clean(ids.skuIds);
  const adminIds = clean(ids.adminIds);
  const q = useQuery({
    queryKey: [
      'names',
      userIds.join(),
      storeIds.join(),
      orderIds.join(),
      productIds.join(),
      skuIds.join(),
      adminIds.join(),
    ],
    enabled:
      userIds.length +
        storeIds.length +
        orderIds.length +
        productIds.length +
        skuIds.length +
        adminIds.length >
      0,
    staleTime: 60_000,
    queryFn: () =>
      call<Names>(
        api.GET('/api/admin/names', {
          params: {
            query: {
              userIds: userIds.join(',') || undefined,
              storeIds: storeIds.join(',') || undefined,
              orderIds: orderIds.join(',') || undefined,
              productIds: productIds.join(',') || undefined,
              skuIds: skuIds.join(',') || undefined,
              adminIds: adminIds.join(',') || undefined,
            } as never,
          },
        }),
      ),
  });
  const users = new Map((q.data?.users ?? []).map((u) => [u.id, u]));
  const stores = new Map((q.data?.stores ?? []).map((s) => [s.id, s]));
  const orders = new Map((q.data?.orders ?? []).map((o) => [o.id, o]));
  const products = new Map((q.data?.products ?? []).map((p) => [p.id, p]));
  const skus = new Map((q.data?.skus ?? []).map((s) => [s.id, s]));
  const admins = new Map((q.data?.admins ?? []).map((a) => [a.id, a]));
  const pending = (id: string) => (q.isLoading ? '…' : id.slice(0, 8));
  const person = (nickname: string | null, phone: string | null) =>
    [nickname ?? '微信用户', phone].filter(Boolean).join(' · ');
  return {
    userLabel: (id: string | null | undefined) => {
      if (!id) return '—';
      const u = users.get(id);
      return u ? person(u.nickname, u.phoneMasked) : pending(id);
    },
    store: (id: string | null | undefined) => (id ? (stores.get(id)?.name ?? pending(id)) : '—'),
    order: (id: string | null | undefined) => (id ? orders.get(id) : undefined),
    admin: (id: string | null | undefined) => {
      if (!id) return '—';
      const a = admins.get(id);
      return a ? (a.displayName ? `${a.displayName}（${a.username}）` : a.username) : pending(id);
    },
    product: (id: string | null | undefined) => (id ? (products.get(id)?.title ?? pending(id)) : '—'),
    /** "茅台 53度 · 500ml/礼盒" */
    sku: (id: string | null | undefined) => {
      if (!id) return '—';
      const s = skus.get(id);
      if (!s) return pending(id);
      const spec = Object.values(s.specs ?? {}).join('/');
      return spec ? `${s.title} · ${spec}` : s.title;
    },
    orderBuyer: (id: string | null | undefined) => {
      const o = id ? orders.get(id) : undefined;
      return o ? person(o.buyerNickname, o.buyerPhoneMasked) : id ? pending(id) : '—';
    },
    /** An earner: a store by name, a reseller or agent as a person. */
    earner: (type: string, id: string) =>
      type === 'store'
        ? (stores.get(id)?.name ?? pending(id))
        : users.has(id)
          ? person(users.get(id)!.nickname, users.get(id)!.phoneMasked)
          : pending(id),
  };
}

/** Splits earners into the user ids and store ids useNames wants. */
export function earnerIds(rows: { earnerType: string; earnerId: string }[]) {
  return {
    userIds: rows.filter((r) => r.earnerType !== 'store').map((r) => r.earnerId),
    storeIds: rows.filter((r) => r.earnerType === 'store').map((r) => r.earnerId),
  };
}
