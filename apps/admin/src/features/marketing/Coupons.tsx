import {
  ModalForm,
  PageContainer,
  ProFormDateTimePicker,
  ProFormDigit,
  ProFormRadio,
  ProFormSelect,
  ProFormSwitch,
  ProFormText,
} from '@ant-design/pro-components';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Form, message, Space, Table, Tag } from 'antd';
import { ConfirmButton } from '../../components/Actions';
import { MoneyInput } from '../../components/MoneyInput';
import { api, call, type Schemas } from '../../lib/api';
import { applyFieldErrors } from '../../lib/errors';
import { dateTime, yuan } from '../../lib/format';
import { can, useMe } from '../../lib/permissions';
import { S } from '../../strings';

type Template = Schemas['CouponTemplateDto'];
interface Values {
  name: string;
  kind: 'amount' | 'percent';
  amountFen?: number;
  percentOff?: number;
  maxDiscountFen?: number;
  scope: 'all' | 'category' | 'products';
  scopeIds?: string;
  minSpendFen?: number;
  validDays?: number;
  validTo?: string;
  totalQty: number;
  perUserLimit?: number;
  claimable?: boolean;
}

const describe = (t: Template) =>
  t.kind === 'amount'
    ? `满 ${yuan(t.minSpendFen)} 减 ${yuan(t.amountFen)}`
    : `${(10_000 - t.percentOffBp) / 1000} 折${t.minSpendFen ? `（满 ${yuan(t.minSpendFen)}）` : ''}`;

/** 优惠券: templates (满减 / 折扣), their quantity and claims, stop/start, and issue to a segment. */
export default function Coupons() {
  const qc = useQueryClient();
  const { data: me } = useMe();
  const canWrite = can(me, 'marketing:write');
  const templates = useQuery({
    queryKey: ['coupon-templates'],
    queryFn: () => call(api.GET('/api/admin/coupon-templates')),
  });
  const segments = useQuery({ queryKey: ['segments'], queryFn: () => call(api.GET('/api/admin/segments')) });
  const reload = () => qc.invalidateQueries({ queryKey: ['coupon-templates'] });
  const [form] = Form.useForm<Values>();

  const creator = (
    <ModalForm<Values>
      key="create"
      title={S.common.create}
      trigger={<Button type="primary">{S.common.create}</Button>}
      form={form}
      width={520}
      modalProps={{ destroyOnHidden: true }}
      initialValues={{ kind: 'amount', scope: 'all', perUserLimit: 1, claimable: true, validDays: 30 }}
      onFinish={async (v) => {
        try {
          await call(
            api.POST('/api/admin/coupon-templates', {
              body: {
                name: v.name,
                kind: v.kind,
                amountFen: v.kind === 'amount' ? v.amountFen : undefined,
                percentOffBp: v.kind === 'percent' ? Math.round((v.percentOff ?? 0) * 100) : undefined,
                maxDiscountFen: v.kind === 'percent' ? v.maxDiscountFen : undefined,
                scope: v.scope,
                scopeIds: v.scope === 'all' ? [] : (v.scopeIds ?? '').split(/[,，\s]+/).filter(Boolean),
                minSpendFen: v.minSpendFen ?? 0,
                validDays: v.validTo ? undefined : v.validDays,
                validTo: v.validTo ? new Date(v.validTo).toISOString() : undefined,
                totalQty: v.totalQty,
                perUserLimit: v.perUserLimit,
                claimable: v.claimable,
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
      <ProFormText name="name" label={S.marketing.couponName} rules={[{ required: true, max: 40 }]} />
      <ProFormRadio.Group
        name="kind"
        label={S.marketing.couponKind}
        options={[
          { label: S.marketing.kindAmount, value: 'amount' },
          { label: S.marketing.kindPercent, value: 'percent' },
        ]}
      />
      <Form.Item noStyle shouldUpdate>
        {({ getFieldValue }) =>
          getFieldValue('kind') === 'amount' ? (
            <Form.Item name="amountFen" label={S.marketing.amount} rules={[{ required: true }]}>
              <MoneyInput aria-label={S.marketing.amount} />
            </Form.Item>
          ) : (
            <>
              <ProFormDigit
                name="percentOff"
                label={S.marketing.percentOff}
                min={1}
                max={99}
                rules={[{ required: true }]}
              />
              <Form.Item name="maxDiscountFen" label={S.marketing.maxDiscount}>
                <MoneyInput aria-label={S.marketing.maxDiscount} />
              </Form.Item>
            </>
          )
        }
      </Form.Item>
      <Form.Item name="minSpendFen" label={S.marketing.minSpend}>
        <MoneyInput aria-label={S.marketing.minSpend} />
      </Form.Item>
      <ProFormSelect
        name="scope"
        label={S.marketing.scope}
        options={[
          { label: S.marketing.scopeAll, value: 'all' },
          { label: S.marketing.scopeCategory, value: 'category' },
          { label: S.marketing.scopeProducts, value: 'products' },
        ]}
      />
      <ProFormText name="scopeIds" label={S.marketing.scopeIds} />
      <ProFormDigit name="validDays" label={S.marketing.validDays} min={1} max={3650} />
      <ProFormDateTimePicker name="validTo" label={S.marketing.validTo} />
      <ProFormDigit name="totalQty" label={S.marketing.totalQty} min={1} rules={[{ required: true }]} />
      <ProFormDigit name="perUserLimit" label={S.marketing.perUser} min={1} max={100} />
      <ProFormSwitch name="claimable" label={S.marketing.claimable} />
    </ModalForm>
  );

  return (
    <PageContainer title={S.marketing.coupons} extra={canWrite ? [creator] : []}>
      <Table<Template>
        rowKey="id"
        loading={templates.isLoading}
        dataSource={templates.data ?? []}
        pagination={{ pageSize: 20 }}
        columns={[
          { title: S.marketing.couponName, dataIndex: 'name' },
          { title: S.marketing.couponKind, render: (_, t) => describe(t) },
          {
            title: S.marketing.scope,
            render: (_, t) =>
              ({
                all: S.marketing.scopeAll,
                category: S.marketing.scopeCategory,
                products: S.marketing.scopeProducts,
              })[t.scope as 'all'],
          },
          {
            title: '有效期',
            render: (_, t) => (t.validDays ? `领取后 ${t.validDays} 天` : `至 ${dateTime(t.validTo)}`),
          },
          {
            title: `${S.marketing.claimed} / ${S.marketing.totalQty}`,
            render: (_, t) => `${t.claimedQty} / ${t.totalQty}`,
          },
          { title: S.marketing.perUser, dataIndex: 'perUserLimit' },
          {
            title: S.common.status,
            render: (_, t) => (
              <Tag color={t.status === 'active' ? 'green' : 'default'}>
                {t.status === 'active' ? S.marketing.active : S.marketing.stopped}
              </Tag>
            ),
          },
          {
            title: S.common.actions,
            render: (_, t) =>
              canWrite ? (
                <Space>
                  <ConfirmButton
                    type="link"
                    size="small"
                    title={`${t.status === 'active' ? S.marketing.stop : S.marketing.start}「${t.name}」？`}
                    onConfirm={async () => {
                      await call(
                        api.PATCH('/api/admin/coupon-templates/{id}', {
                          params: { path: { id: t.id } },
                          body: { status: t.status === 'active' ? 'stopped' : 'active' },
                        }),
                      );
                      await reload();
                    }}
                  >
                    {t.status === 'active' ? S.marketing.stop : S.marketing.start}
                  </ConfirmButton>
                  <ModalForm<{ segmentId: string }>
                    title={S.marketing.issue}
                    width={420}
                    trigger={<a>{S.marketing.issue}</a>}
                    modalProps={{ destroyOnHidden: true }}
                    onFinish={async (v) => {
                      const r = await call(
                        api.POST('/api/admin/coupon-templates/{id}/issue-to-segment', {
                          params: { path: { id: t.id } },
                          body: { segmentId: v.segmentId },
                        }),
                      );
                      void message.success(`${S.marketing.issued} ${r.issued} 张，跳过 ${r.skipped} 人`);
                      await reload();
                      return true;
                    }}
                  >
                    <ProFormSelect
                      name="segmentId"
                      label={S.marketing.segments}
                      rules={[{ required: true }]}
                      options={(segments.data ?? []).map((s) => ({ label: s.name, value: s.id }))}
                    />
                  </ModalForm>
                </Space>
              ) : null,
          },
        ]}
      />
    </PageContainer>
  );
}
