import {
  ModalForm,
  PageContainer,
  ProFormDateTimePicker,
  ProFormDigit,
  ProFormText,
} from '@ant-design/pro-components';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Form, message, Table, Tag } from 'antd';
import { ConfirmButton } from '../../components/Actions';
import { MoneyInput } from '../../components/MoneyInput';
import { api, call, type Schemas } from '../../lib/api';
import { applyFieldErrors } from '../../lib/errors';
import { dateTime, yuan } from '../../lib/format';
import { can, useMe } from '../../lib/permissions';
import { S } from '../../strings';

type Offer = Schemas['OfferDto'];
interface Values {
  name: string;
  skuId: string;
  priceFen: number;
  startsAt: string;
  endsAt: string;
  totalQty: number;
  perUserLimit?: number;
}

/** 限时活动: a SKU's price within a window, its own quantity and per-person limit (flash sales). */
export default function Offers() {
  const qc = useQueryClient();
  const { data: me } = useMe();
  const canWrite = can(me, 'marketing:write');
  const offers = useQuery({ queryKey: ['offers'], queryFn: () => call(api.GET('/api/admin/offers')) });
  const reload = () => qc.invalidateQueries({ queryKey: ['offers'] });
  const [form] = Form.useForm<Values>();
  const creator = (
    <ModalForm<Values>
      key="create"
      title={S.common.create}
      trigger={<Button type="primary">{S.common.create}</Button>}
      form={form}
      width={480}
      modalProps={{ destroyOnHidden: true }}
      initialValues={{ perUserLimit: 1 }}
      onFinish={async (v) => {
        try {
          await call(
            api.POST('/api/admin/offers', {
              body: {
                ...v,
                startsAt: new Date(v.startsAt).toISOString(),
                endsAt: new Date(v.endsAt).toISOString(),
              },
            }),
          );
        } catch (e) {
          if (applyFieldErrors(form, e)) return false;
          throw e;
        }
        void message.success(S.common.saved);
        await reload();
        return true;
      }}
    >
      <ProFormText name="name" label={S.marketing.offerName} rules={[{ required: true, max: 40 }]} />
      <ProFormText name="skuId" label={S.marketing.skuId} rules={[{ required: true }]} />
      <Form.Item name="priceFen" label={S.marketing.offerPrice} rules={[{ required: true }]}>
        <MoneyInput aria-label={S.marketing.offerPrice} />
      </Form.Item>
      <ProFormDateTimePicker name="startsAt" label={S.marketing.startsAt} rules={[{ required: true }]} />
      <ProFormDateTimePicker name="endsAt" label={S.marketing.endsAt} rules={[{ required: true }]} />
      <ProFormDigit name="totalQty" label={S.marketing.totalQty} min={1} rules={[{ required: true }]} />
      <ProFormDigit name="perUserLimit" label={S.marketing.perUser} min={1} max={999} />
    </ModalForm>
  );
  return (
    <PageContainer title={S.marketing.offers} extra={canWrite ? [creator] : []}>
      <Table<Offer>
        rowKey="id"
        loading={offers.isLoading}
        dataSource={offers.data ?? []}
        pagination={{ pageSize: 20 }}
        columns={[
          { title: S.marketing.offerName, dataIndex: 'name' },
          { title: S.marketing.skuId, dataIndex: 'skuId', ellipsis: true },
          { title: S.marketing.offerPrice, render: (_, o) => yuan(o.priceFen) },
          { title: S.marketing.startsAt, render: (_, o) => dateTime(o.startsAt) },
          { title: S.marketing.endsAt, render: (_, o) => dateTime(o.endsAt) },
          {
            title: `${S.marketing.sold} / ${S.marketing.totalQty}`,
            render: (_, o) => `${o.soldQty} / ${o.totalQty}`,
          },
          { title: S.marketing.perUser, dataIndex: 'perUserLimit' },
          {
            title: S.common.status,
            render: (_, o) => (
              <Tag color={o.status === 'active' ? 'green' : 'default'}>
                {o.status === 'active' ? S.marketing.active : S.marketing.stopped}
              </Tag>
            ),
          },
          {
            title: S.common.actions,
            render: (_, o) =>
              canWrite ? (
                <ConfirmButton
                  type="link"
                  size="small"
                  title={`${o.status === 'active' ? S.marketing.stop : S.marketing.start}「${o.name}」？`}
                  onConfirm={async () => {
                    await call(
                      api.PATCH('/api/admin/offers/{id}', {
                        params: { path: { id: o.id } },
                        body: { status: o.status === 'active' ? 'stopped' : 'active' },
                      }),
                    );
                    await reload();
                  }}
                >
                  {o.status === 'active' ? S.marketing.stop : S.marketing.start}
                </ConfirmButton>
              ) : null,
          },
        ]}
      />
    </PageContainer>
  );
}
