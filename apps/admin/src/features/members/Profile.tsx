import { PageContainer } from '@ant-design/pro-components';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Descriptions, Input, message, Select, Space, Table } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { ReasonButton } from '../../components/Actions';
import { api, call, type Schemas } from '../../lib/api';
import { dateTime, yuan } from '../../lib/format';
import { can, useMe } from '../../lib/permissions';
import { S } from '../../strings';

type Entry = Schemas['PointsEntryDto'];
const KIND: Record<string, string> = {
  earn: '下单获得',
  redeem: '下单抵扣',
  redeem_return: '退回抵扣',
  clawback: '退款扣回',
  expire: '过期',
  adjust: '人工调整',
};

/** 会员档案: one member's level and progress, stats, points (with adjustment) and tags. */
export default function Profile() {
  const [params, setParams] = useSearchParams();
  const userId = params.get('userId') ?? '';
  const [input, setInput] = useState(userId);
  const [delta, setDelta] = useState('');
  const qc = useQueryClient();
  const { data: me } = useMe();
  const canWrite = can(me, 'marketing:write');
  const enabled = /^[0-9a-f-]{36}$/i.test(userId);
  const profile = useQuery({
    queryKey: ['member', userId],
    enabled,
    queryFn: () => call(api.GET('/api/admin/members/{userId}', { params: { path: { userId } } })),
  });
  const points = useQuery({
    queryKey: ['member-points', userId],
    enabled,
    queryFn: () =>
      call(
        api.GET('/api/admin/members/{userId}/points', {
          params: { path: { userId }, query: { pageSize: 50 } },
        }),
      ),
  });
  const tags = useQuery({
    queryKey: ['member-tags', userId],
    enabled,
    queryFn: () => call(api.GET('/api/admin/members/{userId}/tags', { params: { path: { userId } } })),
  });
  const [tagDraft, setTagDraft] = useState<string[] | null>(null);
  const reload = () => qc.invalidateQueries({ queryKey: ['member'] }).then(() => qc.invalidateQueries());
  const p = profile.data?.progress;
  return (
    <PageContainer title={S.marketing.profile}>
      <Space style={{ marginBottom: 16 }}>
        <Input
          aria-label={S.marketing.userId}
          placeholder={S.marketing.userId}
          value={input}
          onChange={(e) => setInput(e.target.value.trim())}
          style={{ width: 360 }}
        />
        <Button type="primary" onClick={() => setParams({ userId: input })}>
          {S.marketing.lookup}
        </Button>
      </Space>
      {enabled && p && (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Card>
            <Descriptions column={3}>
              <Descriptions.Item label={S.marketing.level}>
                {p.level?.name ?? S.common.none}
              </Descriptions.Item>
              <Descriptions.Item label={S.marketing.nextLevel}>
                {p.next?.name ?? S.common.none}
              </Descriptions.Item>
              <Descriptions.Item label={S.marketing.toNext}>{yuan(p.toNextFen)}</Descriptions.Item>
              <Descriptions.Item label={S.marketing.lifetime}>
                {yuan(p.stats.lifetimeSpendFen)}（{p.stats.lifetimeOrders} 单）
              </Descriptions.Item>
              <Descriptions.Item label={S.marketing.last90}>
                {yuan(p.stats.last90SpendFen)}（{p.stats.last90Orders} 单）
              </Descriptions.Item>
              <Descriptions.Item label={S.marketing.lastPurchase}>
                {dateTime(p.stats.lastPurchaseAt)}
              </Descriptions.Item>
              <Descriptions.Item label={S.marketing.points}>{profile.data!.pointsBalance}</Descriptions.Item>
              <Descriptions.Item label={S.marketing.availableCoupons}>
                {profile.data!.availableCoupons}
              </Descriptions.Item>
            </Descriptions>
          </Card>
          <Card title={S.marketing.tags}>
            <Space>
              <Select
                mode="tags"
                aria-label={S.marketing.tags}
                style={{ minWidth: 320 }}
                value={tagDraft ?? tags.data?.tags ?? []}
                onChange={(v: string[]) => setTagDraft(v)}
                disabled={!canWrite}
              />
              {canWrite && (
                <Button
                  onClick={async () => {
                    await call(
                      api.PUT('/api/admin/members/{userId}/tags', {
                        params: { path: { userId } },
                        body: { tags: tagDraft ?? tags.data?.tags ?? [] },
                      }),
                    );
                    setTagDraft(null);
                    void message.success(S.common.saved);
                    await reload();
                  }}
                >
                  {S.marketing.saveTags}
                </Button>
              )}
            </Space>
          </Card>
          <Card
            title={S.marketing.statement}
            extra={
              canWrite ? (
                <Space>
                  <Input
                    aria-label={S.marketing.pointsDelta}
                    placeholder={S.marketing.pointsDelta}
                    value={delta}
                    onChange={(e) => setDelta(e.target.value)}
                    style={{ width: 240 }}
                  />
                  <ReasonButton
                    title={S.marketing.adjustPoints}
                    disabled={!/^-?[1-9]\d*$/.test(delta)}
                    onReason={async (reason) => {
                      await call(
                        api.POST('/api/admin/members/{userId}/points', {
                          params: { path: { userId } },
                          body: { delta: Number(delta), reason },
                        }),
                      );
                      setDelta('');
                      void message.success(S.common.done);
                      await reload();
                    }}
                  >
                    {S.marketing.adjustPoints}
                  </ReasonButton>
                </Space>
              ) : null
            }
          >
            <Table<Entry>
              rowKey="id"
              size="small"
              dataSource={points.data?.items ?? []}
              pagination={false}
              columns={[
                { title: '时间', render: (_, e) => dateTime(e.createdAt) },
                { title: '类型', render: (_, e) => KIND[e.kind] ?? e.kind },
                { title: '积分', render: (_, e) => (e.delta > 0 ? `+${e.delta}` : e.delta) },
                { title: '说明', render: (_, e) => e.note ?? S.common.none },
              ]}
            />
          </Card>
        </Space>
      )}
    </PageContainer>
  );
}
