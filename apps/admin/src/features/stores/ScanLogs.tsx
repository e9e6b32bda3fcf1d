import { ProTable } from '@ant-design/pro-components';
import { useState } from 'react';
import { StatusTag } from '../../components/StatusTag';
import { StoreSelect } from '../../components/selects';
import { pagedRequest, tableDefaults, type Columns } from '../../components/table';
import { api, call, type Schemas } from '../../lib/api';
import { dateTime } from '../../lib/format';
import { useNames } from '../../lib/names';
import { S } from '../../strings';

type Log = Schemas['ScanLogDto'];
const RESULTS: Record<string, string> = { resolved: '成功', disabled: '码已停用', not_found: '码不存在' };

/** 扫码记录: who scanned which code where, and whether it resolved. */
export default function ScanLogs() {
  const [rows, setRows] = useState<Log[]>([]);
  const names = useNames({ userIds: rows.map((r) => r.userId), storeIds: rows.map((r) => r.storeId) });
  const columns: Columns<Log> = [
    { title: S.audit.at, dataIndex: 'createdAt', search: false, render: (_, r) => dateTime(r.createdAt) },
    {
      title: S.order.store,
      dataIndex: 'storeId',
      render: (_, r) => names.store(r.storeId),
      renderFormItem: () => <StoreSelect />,
    },
    { title: '码值', dataIndex: 'code', search: false },
    {
      title: '用户',
      dataIndex: 'userId',
      search: false,
      render: (_, r) => (r.userId ? names.userLabel(r.userId) : '未登录'),
    },
    {
      title: '结果',
      dataIndex: 'result',
      valueEnum: Object.fromEntries(Object.entries(RESULTS).map(([k, text]) => [k, { text }])),
      render: (_, r) => (
        <StatusTag
          status={r.result === 'resolved' ? 'COMPLETED' : 'FAILED'}
          labels={{ COMPLETED: RESULTS.resolved, FAILED: RESULTS[r.result] }}
        />
      ),
    },
  ];
  return (
    <ProTable<Log>
      {...tableDefaults<Log>()}
      headerTitle={S.menu.scanLogs}
      rowKey="id"
      columns={columns}
      request={pagedRequest(async (q) => {
        const page = await call(api.GET('/api/admin/scan-logs', { params: { query: q as never } }));
        setRows(page.items);
        return page;
      })}
    />
  );
}
