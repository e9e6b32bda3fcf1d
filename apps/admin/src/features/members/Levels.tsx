import { ModalForm, PageContainer, ProFormDigit, ProFormText } from '@ant-design/pro-components';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Form, message, Space, Table } from 'antd';
import { ConfirmButton } from '../../components/Actions';
import { MoneyInput } from '../../components/MoneyInput';
import { api, call, type Schemas } from '../../lib/api';
import { applyFieldErrors } from '../../lib/errors';
import { yuan } from '../../lib/format';
import { can, useMe } from '../../lib/permissions';
import { S } from '../../strings';

type Level = Schemas['MemberLevelDto'];
interface Values {
  name: string;
  thresholdFen: number;
  discountPercent?: number;
  multiplier?: number;
}

/** 会员等级: thresholds by cumulative spend (online and till), with a discount and a points multiplier. */
export default function Levels() {
  const qc = useQueryClient();
  const { data: me } = useMe();
  const canWrite = can(me, 'marketing:write');
  const levels = useQuery({
    queryKey: ['member-levels'],
    queryFn: () => call(api.GET('/api/admin/members/levels')),
  });
  const reload = () => qc.invalidateQueries({ queryKey: ['member-levels'] });

  const editor = (level: Level | null, trigger: JSX.Element) => {
    const [form] = Form.useForm<Values>();
    return (
      <ModalForm<Values>
        title={level ? S.common.edit : S.common.create}
        trigger={trigger}
        form={form}
        width={420}
        modalProps={{ destroyOnHidden: true }}
        initialValues={
          level
            ? {
                name: level.name,
                thresholdFen: level.thresholdFen,
                discountPercent: level.discountBp / 100,
                multiplier: level.pointsMultiplierBp / 10_000,
              }
            : { discountPercent: 0, multiplier: 1 }
        }
        onFinish={async (v) => {
          const body = {
            name: v.name,
            thresholdFen: v.thresholdFen,
            discountBp: Math.round((v.discountPercent ?? 0) * 100),
            pointsMultiplierBp: Math.round((v.multiplier ?? 1) * 10_000),
          };
          try {
            if (level)
              await call(
                api.PATCH('/api/admin/members/levels/{id}', { params: { path: { id: level.id } }, body }),
              );
            else await call(api.POST('/api/admin/members/levels', { body }));
          } catch (e) {
            if (applyFieldErrors(form, e)) return false;
            throw e;
          }
          void message.success(S.common.saved);
          await reload();
          return true;
        }}
      >
        <ProFormText name="name" label={S.marketing.levelName} rules={[{ required: true, max: 20 }]} />
        <Form.Item name="thresholdFen" label={S.marketing.threshold} rules={[{ required: true }]}>
          <MoneyInput aria-label={S.marketing.threshold} />
        </Form.Item>
        <ProFormDigit
          name="discountPercent"
          label={S.marketing.levelDiscount}
          min={0}
          max={50}
          fieldProps={{ precision: 2 }}
        />
        <ProFormDigit
          name="multiplier"
          label={S.marketing.multiplier}
          min={0}
          max={10}
          fieldProps={{ precision: 2 }}
        />
      </ModalForm>
    );
  };

  return (
    <PageContainer
      title={S.marketing.levels}
      extra={canWrite ? [editor(null, <Button type="primary">{S.common.create}</Button>)] : []}
    >
      <Table<Level>
        rowKey="id"
        loading={levels.isLoading}
        dataSource={levels.data ?? []}
        pagination={false}
        columns={[
          { title: S.marketing.levelName, dataIndex: 'name' },
          { title: S.marketing.threshold, render: (_, l) => yuan(l.thresholdFen) },
          { title: S.marketing.levelDiscount, render: (_, l) => `${l.discountBp / 100}%` },
          { title: S.marketing.multiplier, render: (_, l) => `×${l.pointsMultiplierBp / 10_000}` },
          {
            title: S.common.actions,
            render: (_, l) =>
              canWrite ? (
                <Space>
                  {editor(l, <a>{S.common.edit}</a>)}
                  <ConfirmButton
                    type="link"
                    size="small"
                    danger
                    title={`删除等级「${l.name}」？`}
                    onConfirm={async () => {
                      await call(
                        api.DELETE('/api/admin/members/levels/{id}', { params: { path: { id: l.id } } }),
                      );
                      await reload();
                    }}
                  >
                    {S.common.delete}
                  </ConfirmButton>
                </Space>
              ) : null,
          },
        ]}
      />
    </PageContainer>
  );
}
