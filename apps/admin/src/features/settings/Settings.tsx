import { PageContainer, ProCard } from '@ant-design/pro-components';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Form, InputNumber, message, Radio, Space, Switch, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { LoadError } from '../../app/ErrorPages';
import { PageSpin } from '../../app/Shell';
import { MoneyInput, moneyRule } from '../../components/MoneyInput';
import { api, call, type Schemas } from '../../lib/api';
import { applyFieldErrors } from '../../lib/errors';
import { can, useMe } from '../../lib/permissions';
import { S } from '../../strings';

type Settings = Schemas['SettingsDto'];
type Values = Omit<
  Settings,
  'storeRateBp' | 'agentRateBp' | 'l1RateBp' | 'l2RateBp' | 'guideRateBp' | 'withdrawFeeBp'
> & {
  storeRate: number;
  agentRate: number;
  l1Rate: number;
  l2Rate: number;
  guideRate: number;
  withdrawFee: number;
};
const RATES = [
  ['storeRate', 'storeRateBp'],
  ['agentRate', 'agentRateBp'],
  ['l1Rate', 'l1RateBp'],
  ['l2Rate', 'l2RateBp'],
  ['guideRate', 'guideRateBp'],
  ['withdrawFee', 'withdrawFeeBp'],
] as const;

function toValues(s: Settings): Values {
  const v = { ...s } as unknown as Values & Record<string, number>;
  for (const [pct, bp] of RATES) v[pct] = s[bp] / 100;
  return v;
}

/** 业务设置: every setting with what it does; only changed fields are sent, so two editors do not clobber each other. */
export default function SettingsPage() {
  const qc = useQueryClient();
  const { data: me } = useMe();
  const q = useQuery({ queryKey: ['settings'], queryFn: () => call(api.GET('/api/admin/settings')) });
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (q.data) form.setFieldsValue(toValues(q.data));
  }, [q.data, form]);
  if (q.isLoading) return <PageSpin />;
  if (q.error || !q.data) return <LoadError error={q.error} />;
  const canWrite = can(me, 'settings:write');

  const save = async () => {
    const v = await form.validateFields();
    const next: Record<string, unknown> = { ...v };
    for (const [pct, bp] of RATES) {
      next[bp] = Math.round((v[pct] as number) * 100);
      delete next[pct];
    }
    const loaded = q.data as unknown as Record<string, unknown>;
    const changed = Object.fromEntries(Object.entries(next).filter(([k, val]) => loaded[k] !== val));
    if (!Object.keys(changed).length) return void message.info('没有修改');
    setBusy(true);
    try {
      // The version loaded: another operator's save in between is refused (SETTINGS_STALE), not overwritten.
      const saved = await call(
        api.PUT('/api/admin/settings', { body: { ...changed, expectedUpdatedAt: q.data.updatedAt } }),
      );
      qc.setQueryData(['settings'], saved);
      void message.success(S.common.saved);
    } catch (e) {
      applyFieldErrors(form, e);
    } finally {
      setBusy(false);
    }
  };

  const pct = (name: keyof Values, label: string, help: string) => (
    <Form.Item name={name} label={label} extra={help} rules={[{ required: true }]}>
      <InputNumber min={0} max={100} precision={2} step={0.5} addonAfter="%" style={{ width: 180 }} />
    </Form.Item>
  );
  const days = (name: keyof Values, label: string, help: string, min = 0, max = 3650, unit = '天') => (
    <Form.Item name={name} label={label} extra={help} rules={[{ required: true }]}>
      <InputNumber min={min} max={max} precision={0} addonAfter={unit} style={{ width: 180 }} />
    </Form.Item>
  );

  return (
    <PageContainer
      title={S.settings.title}
      extra={
        canWrite && (
          <Button type="primary" loading={busy} onClick={() => void save()}>
            {S.common.save}
          </Button>
        )
      }
    >
      <Form form={form} layout="vertical" disabled={!canWrite}>
        <Space direction="vertical" size={16} style={{ width: '100%' }}>
          <ProCard title={S.settings.groups.binding} bordered wrap>
            <Space size={32} wrap align="start">
              {days(
                'storeLockDays',
                '门店锁客天数',
                '顾客扫某门店的码后，在此期间内的订单都算该门店的业绩',
                1,
              )}
              <Form.Item name="storeLockPolicy" label="锁客规则" extra="顾客扫了另一家门店的码时">
                <Radio.Group>
                  <Radio value="first">保持首次锁定</Radio>
                  <Radio value="latest">改锁最新门店</Radio>
                </Radio.Group>
              </Form.Item>
              {days('referralBindDays', '推广绑定天数', '通过推广员分享进入后绑定的时长；0 表示永久')}
              <Form.Item name="referralBindPolicy" label="推广绑定规则" extra="顾客打开另一位推广员的分享时">
                <Radio.Group>
                  <Radio value="first">保持首次</Radio>
                  <Radio value="latest">改绑最新</Radio>
                  <Radio value="newUsersOnly">仅新用户可绑定</Radio>
                </Radio.Group>
              </Form.Item>
              <Form.Item name="resellerMode" label="成为推广员" extra="用户如何成为推广员">
                <Radio.Group>
                  <Radio value="approval">申请后审核</Radio>
                  <Radio value="everyone">自动通过</Radio>
                  <Radio value="invited">仅限邀请</Radio>
                </Radio.Group>
              </Form.Item>
            </Space>
          </ProCard>
          <ProCard title={S.settings.groups.rates} bordered>
            <Space size={32} wrap align="start">
              {pct('storeRate', '门店奖励比例', '订单实付金额的比例，奖励给锁客门店（商品可单独设置）')}
              {pct('agentRate', '代理奖励比例', '奖励给门店所属的渠道代理')}
              {pct('l1Rate', '一级佣金比例', '奖励给直接推广的推广员（商品可单独设置）')}
              {pct('l2Rate', '二级佣金比例', '奖励给推广员的上级')}
              {pct(
                'guideRate',
                '导购奖励比例',
                '门店店员以导购身份分享带来的销售奖励给导购（替代该笔推广佣金；门店可单独设置）',
              )}
              <Form.Item
                name="selfPurchaseCommission"
                label="自购返佣"
                extra="推广员自己下单是否也拿佣金"
                valuePropName="checked"
              >
                <Switch />
              </Form.Item>
              {days(
                'settleDaysAfterComplete',
                '结算等待天数',
                '订单完成后经过这些天（售后期）奖励才可提现',
                0,
                365,
              )}
            </Space>
          </ProCard>
          <ProCard title={S.settings.groups.order} bordered>
            <Space size={32} wrap align="start">
              {days('payTimeoutMinutes', '支付超时', '下单后未支付的订单在此时间后自动取消', 1, 1440, '分钟')}
              {days('autoReceiveDays', '自动确认收货', '发货后买家未确认的订单在此天数后自动完成', 1, 60)}
              {days('afterSaleDays', '售后期限', '订单完成后可申请售后的天数', 0, 365)}
            </Space>
          </ProCard>
          <ProCard title={S.settings.groups.withdraw} bordered>
            <Space size={32} wrap align="start">
              <Form.Item
                name="minWithdrawFen"
                label="最低提现金额"
                extra="低于此金额不可申请提现"
                rules={[moneyRule()]}
              >
                <MoneyInput />
              </Form.Item>
              {pct('withdrawFee', '提现手续费', '从提现金额中扣除的比例')}
            </Space>
          </ProCard>
          <Typography.Text type="secondary">修改会记录在审计日志中；只保存您改动过的项目。</Typography.Text>
        </Space>
      </Form>
    </PageContainer>
  );
}
