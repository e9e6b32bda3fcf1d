import { useEffect, useState } from 'react';
import type { Schemas } from '@cloudshelf/api-client';
import { api, open } from '../../../services/api';

type Region = Schemas['RegionDto'];

const cache = new Map<string, Promise<Region[]>>();

/** Children of a region code ('' = provinces), from the API's region dataset, cached. */
export function regionChildren(parent: string): Promise<Region[]> {
  if (!cache.has(parent)) {
    cache.set(
      parent,
      open(() =>
        api.GET('/api/app/regions', { params: { query: parent ? { parentCode: parent } : {} } }),
      ).catch((e) => {
        cache.delete(parent);
        throw e;
      }),
    );
  }
  return cache.get(parent)!;
}

/**
 * The three columns of the province / city / district picker and the chosen indexes; moving a
 * column reloads the ones after it.
 */
export function useRegionColumns(initialCode?: string) {
  const [cols, setCols] = useState<Region[][]>([[], [], []]);
  const [idx, setIdx] = useState<number[]>([0, 0, 0]);

  async function load(at: number[], seed?: string) {
    const provinces = await regionChildren('');
    let p = at[0];
    if (seed)
      p = Math.max(
        0,
        provinces.findIndex((r) => seed.startsWith(r.code)),
      );
    const cities = provinces[p] ? await regionChildren(provinces[p].code) : [];
    let c = Math.min(at[1], Math.max(0, cities.length - 1));
    if (seed)
      c = Math.max(
        0,
        cities.findIndex((r) => seed.startsWith(r.code)),
      );
    const districts = cities[c] ? await regionChildren(cities[c].code) : [];
    let d = Math.min(at[2], Math.max(0, districts.length - 1));
    if (seed)
      d = Math.max(
        0,
        districts.findIndex((r) => r.code === seed),
      );
    setCols([provinces, cities, districts]);
    setIdx([p, c, d]);
  }

  useEffect(() => {
    void load([0, 0, 0], initialCode);
  }, [initialCode]);

  function onColumn(column: number, value: number) {
    const next = [...idx];
    next[column] = value;
    for (let i = column + 1; i < 3; i++) next[i] = 0;
    void load(next);
  }

  const chosen = cols.map((c, i) => c[idx[i]]).filter(Boolean) as Region[];
  return { cols, idx, onColumn, chosen, setIdx };
}
