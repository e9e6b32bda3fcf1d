import { Input, Text, View } from '@tarojs/components';
import { useState } from 'react';
import { ProductGrid } from '../../../components/product-card';
import { Empty, ErrorView, Skeleton } from '../../../components/states';
import { api, open } from '../../../services/api';
import { load, save } from '../../../services/storage';
import { useRequest } from '../../../hooks/use-request';
import { S } from '../../../strings';
import './index.css';

const HISTORY = 'cs.searchHistory';
type Sort = 'sales' | 'price' | 'newest';

/** Most recent first, no duplicates, at most 10. */
export function pushHistory(list: string[], term: string): string[] {
  return [term, ...list.filter((t) => t !== term)].slice(0, 10);
}

export default function SearchPage() {
  const [input, setInput] = useState('');
  const [keyword, setKeyword] = useState('');
  const [sort, setSort] = useState<Sort>('sales');
  const [asc, setAsc] = useState(true);
  const [history, setHistory] = useState<string[]>(() => load<string[]>(HISTORY) ?? []);
  const results = useRequest(async () => {
    if (!keyword) return null;
    return open(() =>
      api.GET('/api/app/products', {
        params: {
          query: { keyword, sort, order: sort === 'price' ? (asc ? 'asc' : 'desc') : 'desc', pageSize: 40 },
        },
      }),
    );
  }, [keyword, sort, asc]);

  function submit(term: string) {
    const t = term.trim();
    if (!t) return;
    setInput(t);
    setKeyword(t);
    const next = pushHistory(history, t);
    setHistory(next);
    save(HISTORY, next);
  }

  return (
    <View className="search">
      <View className="search__bar">
        <Input
          className="search__input"
          data-testid="search-input"
          focus
          placeholder={S.home.search}
          value={input}
          confirmType="search"
          onInput={(e) => setInput(e.detail.value)}
          onConfirm={(e) => submit(e.detail.value)}
        />
        <Text className="search__go" onClick={() => submit(input)}>
          {S.search.submit}
        </Text>
      </View>
      {!keyword && history.length > 0 && (
        <View className="card">
          <View className="row">
            <Text className="card__title">{S.search.history}</Text>
            <Text className="muted" onClick={() => (setHistory([]), save(HISTORY, []))}>
              {S.search.clearHistory}
            </Text>
          </View>
          <View className="search__hist">
            {history.map((h) => (
              <Text key={h} className="chip" onClick={() => submit(h)}>
                {h}
              </Text>
            ))}
          </View>
        </View>
      )}
      {keyword && (
        <View className="search__sorts">
          {(['sales', 'price', 'newest'] as Sort[]).map((s) => (
            <Text
              key={s}
              className={`search__sort ${s === sort ? 'search__sort--on' : ''}`}
              onClick={() => (s === 'price' && sort === 'price' ? setAsc(!asc) : setSort(s))}
            >
              {S.search.sorts[s]}
              {s === 'price' && sort === 'price' ? (asc ? ' ↑' : ' ↓') : ''}
            </Text>
          ))}
        </View>
      )}
      {results.status === 'error' && <ErrorView message={results.error} onRetry={results.reload} />}
      {keyword && results.status === 'loading' && !results.data && <Skeleton grid rows={4} />}
      {results.data &&
        (results.data.items.length ? (
          <View className="search__results">
            <ProductGrid products={results.data.items} />
          </View>
        ) : (
          <Empty text={S.search.none} icon="搜" />
        ))}
    </View>
  );
}
