import { CommonErrors } from './errors';
import type { Page } from './paging';

/**
 * A cell Excel would read as a formula (`=`, `+`, `-`, `@`, or a tab/carriage return
 * before one) is prefixed with `'` so it shows as text (CSV injection). Plain numbers,
 * negative amounts included, stay numbers.
 */
export function csvCell(v: unknown): string {
  let text = String(v ?? '');
  if (/^[=+\-@\t\r]/.test(text) && !/^-?\d+(\.\d+)?$/.test(text)) text = `'${text}`;
  return `"${text.replace(/"/g, '""')}"`;
}

/** CSV for Excel: UTF-8 with a BOM (so Chinese opens correctly), CRLF lines, every cell quoted and neutralised. */
export function toCsv(header: string[], rows: unknown[][]): string {
  return `\uFEFF${[header, ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

let exportMaxRows = 100_000;

/** Set once at start-up from EXPORT_MAX_ROWS. */
export function setExportMaxRows(max: number): void {
  exportMaxRows = max;
}

export function getExportMaxRows(): number {
  return exportMaxRows;
}

/**
 * Every item of a paged list, page by page. An export never drops rows silently: above
 * EXPORT_MAX_ROWS it is refused with EXPORT_TOO_LARGE (narrow the filters and export in parts).
 */
export async function allPages<T>(fetch: (page: number, pageSize: number) => Promise<Page<T>>): Promise<T[]> {
  const items: T[] = [];
  const max = exportMaxRows;
  for (let page = 1; ; page++) {
    const batch = await fetch(page, 100);
    if (batch.total > max) throw CommonErrors.EXPORT_TOO_LARGE({ total: batch.total, maxRows: max });
    items.push(...batch.items);
    if (batch.items.length < 100 || page * 100 >= batch.total) break;
  }
  return items;
}
