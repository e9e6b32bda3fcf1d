import {
  ModalForm,
  PageContainer,
  ProFormDigit,
  ProFormSelect,
  ProFormText,
} from '@ant-design/pro-components';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Form, message, Table } from 'antd';
import { useState } from 'react';
import { MoneyInput } from '../../components/MoneyInput';
import { api, call, type Schemas } from '../../lib/api';
import { yuan } from '../../lib/format';
import { can, useMe } from '../../lib/permissions';
import { S } from '../../strings';

type Segment = Schemas['SegmentDto'];
type Rules = Schemas['SegmentRulesDto'];
interface Values extends Omit<Rules, 'tags'> {
  name: string;
  tags?: string;
}

/** 人群与标签: rule-based segments (evaluated in SQL) and how many members each selects now. */
export default function Segments() {
  const qc = useQueryClient();
  const { data: me } = useMe();
  const canWrite = can(me, 'marketing:write');
  const segments = useQuery({ queryKey: ['segments'], queryFn: () => call(api.GET('/api/admin/segments')) });
  const levels = useQuery({
    queryKey: ['member-levels'],
    queryFn: () => call(api.GET('/api/admin/members/levels')),
  });
  const [counts, setCounts] = useState<Record<string, number>>({});
  const [form] = Form.useForm<Values>();
  const describe = (r: Rules) =>
    [
      r.levelId &&
        `${S.marketing.levelRule}：${levels.data?.find((l) => l.id === r.levelId)?.name ?? r.levelId}`,
      r.minSpendFen !== undefined && `${S.marketing.minSpendRule} ${yuan(r.minSpendFen)}`,
      r.maxSpendFen !== undefined && `${S.marketing.maxSpendRule} ${yuan(r.maxSpendFen)}`,
      r.purchasedWithinDays && `近 ${r.purchasedWithinDays} 天有购买`,
      r.notPurchasedForDays && `近 ${r.notPurchasedForDays} 天无购买`,
      r.lockedStoreId && `${S.marketing.lockedStore} ${r.lockedStoreId.slice(0, 8)}`,
      r.referrerId && `${S.marketing.referrer} ${r.referrerId.slice(0, 8)}`,
      r.scannedStoreId && `${S.marketing.scannedStore} ${r.scannedStoreId.slice(0, 8)}`,
      r.tags?.length && `${S.marketing.tags}：${r.tags.join('、')}`,
    ]
      .filter(Boolean)
      .join('；');
  const creator = (
    <ModalForm<Values>
      key="create"
      title={S.common.create}
      trigger={<Button type="primary">{S.common.create}</Button>}
      form={form}
      width={520}
      modalProps={{ destroyOnHidden: true }}
      onFinish={async ({ name, tags, ...rest }) => {
        const rules: Rules = Object.fromEntries(
          Object.entries(rest).filter(([, v]) => v !== undefined && v !== null && v !== ''),
        );
        const list = (tags ?? '').split(/[,，\s]+/).filter(Boolean);
        if (list.length) rules.tags = list;
        await call(api.POST('/api/admin/segments', { body: { name, rules } }));
        void message.success(S.common.saved);
        await qc.invalidateQueries({ queryKey: ['segments'] });
        return true;
      }}
    >
      <ProFormText name="name" label={S.marketing.segmentName} rules={[{ required: true, max: 40 }]} />
      <ProFormSelect
        name="levelId"
        label={S.marketing.levelRule}
        options={(levels.data ?? []).map((l) => ({ label: l.name, value: l.id }))}
      />
      <Form.Item name="minSpendFen" label={S.marketing.minSpendRule}>
        <MoneyInput aria-label={S.marketing.minSpendRule} />
      </Form.Item>
      <Form.Item name="maxSpendFen" label={S.marketing.maxSpendRule}>
        <MoneyInput aria-label={S.marketing.maxSpendRule} />
      </Form.Item>
      <ProFormDigit name="purchasedWithinDays" label={S.marketing.purchasedWithin} min={1} max={3650} />
      <ProFormDigit name="notPurchasedForDays" label={S.marketing.notPurchasedFor} min={1} max={3650} />
      <ProFormText name="lockedStoreId" label={S.marketing.lockedStore} />
      <ProFormText name="referrerId" label={S.marketing.referrer} />
      <ProFormText name="scannedStoreId" label={S.marketing.scannedStore} />
      <ProFormText name="tags" label={S.marketing.tagsRule} />
    </ModalForm>
  );
  return (
    <PageContainer title={S.marketing.segments} extra={canWrite ? [creator] : []}>
      <Table<Segment>
        rowKey="id"
        loading={segments.isLoading}
        dataSource={segments.data ?? []}
        pagination={{ pageSize: 20 }}
        columns={[
          { title: S.marketing.segmentName, dataIndex: 'name' },
          { title: S.marketing.rules, render: (_, s) => describe(s.rules) || S.common.none },
          {
            title: S.marketing.members,
            render: (_, s) =>
              counts[s.id] !== undefined ? (
                counts[s.id]
              ) : (
                <a
                  onClick={async () => {
                    const r = await call(
                      api.GET('/api/admin/segments/{id}/members', { params: { path: { id: s.id } } }),
                    );
                    setCounts((c) => ({ ...c, [s.id]: r.total }));
                  }}
                >
                  {S.marketing.lookup}
                </a>
              ),
          },
        ]}
      />
    </PageContainer>
  );
}
