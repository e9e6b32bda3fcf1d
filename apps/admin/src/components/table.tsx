import { DownloadOutlined } from '@ant-design/icons';
import type { ProColumns, ProTableProps } from '@ant-design/pro-components';
import { Button } from 'antd';
import { useState } from 'react';
import { download, qs } from '../lib/api';
import { showError } from '../lib/errors';
import { S } from '../strings';

export interface PageResult<T> {
  items: T[];
  total: number;
}

/**
 * Adapts an API list (`?page&pageSize` → `{items,total}`) to ProTable's request;
 * ProTable's `current` becomes `page`, empty filters are dropped. A failure shows
 * its message and code, and the table stays usable.
 */
export function pagedRequest<T, Q extends Record<string, unknown>>(
  fetchPage: (q: Q & { page: number; pageSize: number }) => Promise<PageResult<T>>,
) {
  return async (params: Record<string, unknown> & { current?: number; pageSize?: number }) => {
    const { current, pageSize, ...rest } = params;
    const q = Object.fromEntries(
      Object.entries(rest).filter(([, v]) => v !== undefined && v !== null && v !== ''),
    ) as Q;
    try {
      const r = await fetchPage({ ...q, page: current ?? 1, pageSize: pageSize ?? 20 });
      return { data: r.items, total: r.total, success: true };
    } catch (e) {
      showError(e);
      return { data: [], total: 0, success: false };
    }
  };
}

/** The defaults every list shares: one-row collapsed search, column settings, density, paging. */
export function tableDefaults<T>(): Partial<ProTableProps<T, Record<string, unknown>>> {
  return {
    search: { labelWidth: 'auto', defaultCollapsed: true, span: 6 },
    options: { density: true, setting: true, reload: true, fullScreen: false },
    pagination: { defaultPageSize: 20, showSizeChanger: true, pageSizeOptions: [20, 50, 100] },
    dateFormatter: 'string',
    cardBordered: true,
    scroll: { x: 'max-content' },
  };
}

/** "导出 CSV" for a list whose API has an export.csv endpoint: exports what the filters select. */
export function ExportButton({
  path,
  params,
  filename,
}: {
  path: string;
  params: Record<string, unknown>;
  filename: string;
}) {
  const [busy, setBusy] = useState(false);
  return (
    <Button
      icon={<DownloadOutlined />}
      loading={busy}
      onClick={async () => {
        setBusy(true);
        try {
          await download(`${path}${qs(params)}`, filename);
        } catch (e) {
          showError(e);
        } finally {
          setBusy(false);
        }
      }}
    >
      {S.common.export}
    </Button>
  );
}

/** Exports the rows on screen as CSV (for lists whose API has no export endpoint). */
export function exportRowsCsv<T>(
  rows: T[],
  columns: { title: string; value: (r: T) => unknown }[],
  filename: string,
) {
  const cell = (v: unknown) => {
    const s = v === null || v === undefined ? '' : String(v);
    return /[",\n]/.test(s) || /^[=+\-@]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  const text = [
    columns.map((c) => cell(c.title)).join(','),
    ...rows.map((r) => columns.map((c) => cell(c.value(r))).join(',')),
  ].join('\r\n');
  const url = URL.createObjectURL(new Blob(['\ufeff' + text], { type: 'text/csv;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export type Columns<T> = ProColumns<T>[];

/** A money column: right-aligned ¥1,234.50, not searchable. */
export const moneyCol = { align: 'right' as const, search: false as const };
