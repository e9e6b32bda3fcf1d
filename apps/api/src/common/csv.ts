import type { Page } from './paging';

const cell = (v: unknown) => `"${String(v ?? '').replace(/"/g, '""')}"`;

/** CSV for Excel: UTF-8 with a BOM (so Chinese opens correctly), CRLF lines, every cell quoted. */
export function toCsv(header: string[], rows: unknown[][]): string {
  return `\uFEFF${[header, ...rows].map((r) => r.map(cell).join(',')).join('\r\n')}\r\n`;
}

/** Every item of a paged list, page by page, up to `max` items (exports stay bounded). */
export async function allPages<T>(
  fetch: (page: number, pageSize: number) => Promise<Page<T>>,
  max = 10_000,
): Promise<T[]> {
  const items: T[] = [];
  for (let page = 1; items.length < max; page++) {
    const batch = await fetch(page, 100);
    items.push(...batch.items);
    if (batch.items.length < 100 || page * 100 >= batch.total) break;
  }
  return items.slice(0, max);
}
