import { useQuery } from '@tanstack/react-query';
import { Select, type SelectProps } from 'antd';
import { useState } from 'react';
import { api, call } from '../lib/api';
import { yuan } from '../lib/format';
import { useNames } from '../lib/names';
import { S } from '../strings';

/** Picks a store by name (searches the API as you type). */
export function StoreSelect(props: SelectProps<string>) {
  const [keyword, setKeyword] = useState('');
  const q = useQuery({
    queryKey: ['store-options', keyword],
    queryFn: () =>
      call(
        api.GET('/api/admin/stores', {
          params: { query: { page: 1, pageSize: 50, keyword: keyword || undefined } },
        }),
      ),
  });
  return (
    <Select
      showSearch
      allowClear
      filterOption={false}
      onSearch={setKeyword}
      loading={q.isLoading}
      placeholder="选择门店"
      options={(q.data?.items ?? []).map((s) => ({ value: s.id, label: s.name }))}
      {...props}
    />
  );
}

/** Picks a product by title. */
export function ProductSelect(props: SelectProps<string>) {
  const [keyword, setKeyword] = useState('');
  const q = useQuery({
    queryKey: ['product-options', keyword],
    queryFn: () =>
      call(
        api.GET('/api/admin/products', {
          params: { query: { page: 1, pageSize: 50, keyword: keyword || undefined } },
        }),
      ),
  });
  return (
    <Select
      showSearch
      allowClear
      filterOption={false}
      onSearch={setKeyword}
      loading={q.isLoading}
      placeholder="选择商品"
      options={(q.data?.items ?? []).map((p) => ({ value: p.id, label: p.title }))}
      {...props}
    />
  );
}

/** Category tree as a flat select with indentation. */
export function useCategoryOptions() {
  const q = useQuery({
    queryKey: ['category-tree'],
    queryFn: () => call(api.GET('/api/admin/categories/tree')),
  });
  const options: { value: string; label: string }[] = [];
  for (const c of q.data?.items ?? []) {
    options.push({ value: c.id, label: c.name });
    for (const k of c.children ?? []) options.push({ value: k.id, label: `${c.name} / ${k.name}` });
  }
  return { options, names: new Map(options.map((o) => [o.value, o.label])), loading: q.isLoading };
}

/** 138****8000: the middle four digits hidden, as lists show phones. */
export function maskPhone(phone: string | null | undefined): string {
  if (!phone) return '';
  return phone.length >= 7 ? `${phone.slice(0, 3)}****${phone.slice(-4)}` : phone;
}

/**
 * Picks a WeChat user (a store's owner or agent) by nickname or phone number, searching
 * the customers as you type; shows "昵称 · 138****8000", never a bare id.
 */
export function UserSelect({ value, ...props }: SelectProps<string> & { value?: string | null }) {
  const [keyword, setKeyword] = useState('');
  const q = useQuery({
    queryKey: ['user-options', keyword],
    queryFn: () =>
      call(
        api.GET('/api/admin/customers', {
          params: { query: { page: 1, pageSize: 20, keyword: keyword || undefined } },
        }),
      ),
  });
  const current = useNames({ userIds: [value] });
  const options = (q.data?.items ?? []).map((u) => ({
    value: u.userId,
    label: [u.nickname ?? '微信用户', maskPhone(u.phone)].filter(Boolean).join(' · '),
  }));
  if (value && !options.some((o) => o.value === value))
    options.unshift({ value, label: current.userLabel(value) });
  return (
    <Select
      showSearch
      allowClear
      filterOption={false}
      onSearch={setKeyword}
      loading={q.isLoading}
      placeholder={S.pickers.userPlaceholder}
      notFoundContent={q.isLoading ? undefined : S.pickers.noUser}
      options={options}
      value={value ?? undefined}
      {...props}
    />
  );
}

/** Picks one SKU of a product ("500ml / 礼盒 · ¥99.00"); empty means any of its SKUs. */
export function SkuSelect({ productId, ...props }: SelectProps<string> & { productId?: string }) {
  const q = useQuery({
    queryKey: ['product', productId],
    enabled: !!productId,
    queryFn: () => call(api.GET('/api/admin/products/{id}', { params: { path: { id: productId! } } })),
  });
  return (
    <Select
      allowClear
      disabled={!productId}
      loading={q.isLoading}
      placeholder={S.pickers.anySku}
      options={(q.data?.skus ?? []).map((s) => ({
        value: s.id,
        label: `${Object.values((s.specs as Record<string, string>) ?? {}).join(' / ') || s.code || '默认规格'} · ${yuan(s.priceFen)}`,
      }))}
      {...props}
    />
  );
}
