import { useQuery } from '@tanstack/react-query';
import { Select, type SelectProps } from 'antd';
import { useState } from 'react';
import { api, call } from '../lib/api';

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
