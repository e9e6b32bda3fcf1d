import { ScrollView, Text, View } from '@tarojs/components';
import { useState } from 'react';
import { ProductGrid } from '../../components/product-card';
import { Empty, ErrorView, Skeleton } from '../../components/states';
import { api, open } from '../../services/api';
import { useRequest } from '../../hooks/use-request';
import { S } from '../../strings';
import './index.css';

/** Two-level categories: the rail shows the top level, the panel the products of the chosen one. */
export default function CategoryPage() {
  const tree = useRequest(() => open(() => api.GET('/api/app/categories')), []);
  const [active, setActive] = useState<string | undefined>(undefined);
  const cats = tree.data?.items ?? [];
  const current = active ?? cats[0]?.id;
  const products = useRequest(async () => {
    if (!current) return { items: [] };
    return open(() =>
      api.GET('/api/app/products', { params: { query: { categoryId: current, pageSize: 40 } } }),
    );
  }, [current]);

  if (tree.status === 'error' && !tree.data) return <ErrorView message={tree.error} onRetry={tree.reload} />;
  if (!tree.data) return <Skeleton rows={5} />;
  if (!cats.length) return <Empty />;
  return (
    <View className="cat">
      <ScrollView scrollY className="cat__rail">
        {cats.map((c) => (
          <Text
            key={c.id}
            className={`cat__item ${c.id === current ? 'cat__item--on' : ''}`}
            onClick={() => setActive(c.id)}
          >
            {c.name}
          </Text>
        ))}
      </ScrollView>
      <ScrollView scrollY className="cat__panel">
        {products.status === 'error' && <ErrorView message={products.error} onRetry={products.reload} />}
        {products.status === 'loading' && !products.data && <Skeleton rows={3} />}
        {products.data &&
          (products.data.items.length ? (
            <ProductGrid products={products.data.items} />
          ) : (
            <Empty text={S.search.none} />
          ))}
      </ScrollView>
    </View>
  );
}
