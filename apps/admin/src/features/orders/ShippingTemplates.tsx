import { PlusOutlined } from '@ant-design/icons';
import { PageContainer } from '@ant-design/pro-components';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Checkbox, Form, Input, InputNumber, message, Modal, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { ConfirmButton } from '../../components/Actions';
import { MoneyInput, moneyRule } from '../../components/MoneyInput';
import { api, call, type Schemas } from '../../lib/api';
import { applyFieldErrors } from '../../lib/errors';
import { yuan } from '../../lib/format';
import { can, useMe } from '../../lib/permissions';
import { S } from '../../strings';
import { PROVINCES, provinceNames } from './regions';

type Template = Schemas['ShippingTemplateDto'];
type Input = Schemas['ShippingTemplateInputDto'];

/** 运费模板: first weight + extra weight, free over an amount, and fees for chosen provinces. */
export default function ShippingTemplates() {
  const qc = useQueryClient();
  const { data: me } = useMe();
  const q = useQuery({
    queryKey: ['shipping-templates'],
    queryFn: () => call(api.GET('/api/admin/shipping-templates')),
  });
  const [editing, setEditing] = useState<Template | 'new' | null>(null);
  const canWrite = can(me, 'orders:write');
  const reload = () => void qc.invalidateQueries({ queryKey: ['shipping-templates'] });
  const items = (q.data ?? []) as Template[];
  return (
    <PageContainer
      title={S.menu.shipping}
      extra={
        canWrite && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
            {S.common.create}
          </Button>
        )
      }
    >
      <Table<Template>
        rowKey="id"
        loading={q.isLoading}
        dataSource={items}
        pagination={false}
        columns={[
          {
            title: S.shipping.name,
            key: 'n',
            render: (_, t) => (
              <>
                {t.name} {t.isDefault && <Tag color="blue">{S.shipping.isDefault}</Tag>}
              </>
            ),
          },
          { title: '首重', key: 'f', render: (_, t) => `${t.firstWeightGrams} 克 ${yuan(t.firstFeeFen)}` },
          { title: '续重', key: 'e', render: (_, t) => `每 ${t.extraWeightGrams} 克 ${yuan(t.extraFeeFen)}` },
          {
            title: S.shipping.freeOver,
            key: 'free',
            render: (_, t) => (t.freeOverFen === null ? '不包邮' : `满 ${yuan(t.freeOverFen)} 包邮`),
          },
          {
            title: S.shipping.regions,
            key: 'r',
            render: (_, t) =>
              t.regions.length
                ? t.regions.map((r, i) => (
                    <div key={i}>
                      {provinceNames(r.provinces)}：首重 {yuan(r.firstFeeFen)}，续重 {yuan(r.extraFeeFen)}
                    </div>
                  ))
                : '—',
          },
          {
            title: S.common.actions,
            key: 'a',
            render: (_, t) =>
              canWrite && (
                <Space>
                  <a onClick={() => setEditing(t)}>{S.common.edit}</a>
                  <ConfirmButton
                    type="link"
                    size="small"
                    danger
                    title={`删除运费模板「${t.name}」？`}
                    onConfirm={async () => {
                      await call(
                        api.DELETE('/api/admin/shipping-templates/{id}', { params: { path: { id: t.id } } }),
                      );
                      reload();
                    }}
                  >
                    {S.common.delete}
                  </ConfirmButton>
                </Space>
              ),
          },
        ]}
      />
      {editing && (
        <TemplateForm
          template={editing === 'new' ? undefined : editing}
          onClose={() => setEditing(null)}
          onDone={() => {
            setEditing(null);
            reload();
          }}
        />
      )}
    </PageContainer>
  );
}

function TemplateForm({
  template,
  onClose,
  onDone,
}: {
  template?: Template;
  onClose: () => void;
  onDone: () => void;
}) {
  const [form] = Form.useForm<Input & { free: boolean }>();
  const [busy, setBusy] = useState(false);
  return (
    <Modal
      open
      width={760}
      title={template ? S.common.edit : S.common.create}
      confirmLoading={busy}
      onCancel={onClose}
      onOk={async () => {
        const v = await form.validateFields();
        setBusy(true);
        try {
          const body: Input = {
            name: v.name,
            isDefault: !!v.isDefault,
            firstWeightGrams: v.firstWeightGrams,
            firstFeeFen: v.firstFeeFen,
            extraWeightGrams: v.extraWeightGrams,
            extraFeeFen: v.extraFeeFen,
            freeOverFen: v.freeOverFen ?? null,
            regions: v.regions ?? [],
          };
          if (template)
            await call(
              api.PATCH('/api/admin/shipping-templates/{id}', {
                params: { path: { id: template.id } },
                body: { ...body, expectedUpdatedAt: template.updatedAt },
              }),
            );
          else await call(api.POST('/api/admin/shipping-templates', { body }));
          void message.success(S.common.saved);
          onDone();
        } catch (e) {
          applyFieldErrors(form, e);
        } finally {
          setBusy(false);
        }
      }}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={
          template ?? { firstWeightGrams: 1000, extraWeightGrams: 1000, isDefault: false, regions: [] }
        }
      >
        <Space size={16} align="start">
          <Form.Item name="name" label={S.shipping.name} rules={[{ required: true, max: 60 }]}>
            <Input style={{ width: 260 }} />
          </Form.Item>
          <Form.Item name="isDefault" label=" " valuePropName="checked">
            <Checkbox>{S.shipping.isDefault}</Checkbox>
          </Form.Item>
        </Space>
        <Space size={16} wrap>
          <Form.Item name="firstWeightGrams" label={S.shipping.firstWeight} rules={[{ required: true }]}>
            <InputNumber min={1} precision={0} />
          </Form.Item>
          <Form.Item name="firstFeeFen" label={S.shipping.firstFee} rules={[moneyRule()]}>
            <MoneyInput />
          </Form.Item>
          <Form.Item name="extraWeightGrams" label={S.shipping.extraWeight} rules={[{ required: true }]}>
            <InputNumber min={1} precision={0} />
          </Form.Item>
          <Form.Item name="extraFeeFen" label={S.shipping.extraFee} rules={[moneyRule()]}>
            <MoneyInput />
          </Form.Item>
          <Form.Item
            name="freeOverFen"
            label={`${S.shipping.freeOver}（留空不包邮）`}
            rules={[moneyRule(undefined, false)]}
          >
            <MoneyInput />
          </Form.Item>
        </Space>
        <Form.List name="regions">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f) => (
                <Space key={f.key} align="start" wrap>
                  <Form.Item
                    name={[f.name, 'provinces']}
                    label="省份"
                    rules={[{ required: true, type: 'array', min: 1 }]}
                  >
                    <SelectProvinces />
                  </Form.Item>
                  <Form.Item name={[f.name, 'firstFeeFen']} label={S.shipping.firstFee} rules={[moneyRule()]}>
                    <MoneyInput />
                  </Form.Item>
                  <Form.Item name={[f.name, 'extraFeeFen']} label={S.shipping.extraFee} rules={[moneyRule()]}>
                    <MoneyInput />
                  </Form.Item>
                  <Form.Item label=" ">
                    <a onClick={() => remove(f.name)}>{S.common.delete}</a>
                  </Form.Item>
                </Space>
              ))}
              <Button icon={<PlusOutlined />} onClick={() => add({ provinces: [] })}>
                {S.shipping.regions}
              </Button>
            </>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}

function SelectProvinces(props: { value?: string[]; onChange?: (v: string[]) => void }) {
  return (
    <Checkbox.Group
      style={{ width: 300 }}
      value={props.value}
      onChange={(v) => props.onChange?.(v as string[])}
    >
      <div
        style={{ maxHeight: 120, overflow: 'auto', display: 'grid', gridTemplateColumns: 'repeat(3, 1fr)' }}
      >
        {PROVINCES.map(([code, name]) => (
          <Checkbox key={code} value={code}>
            {name}
          </Checkbox>
        ))}
      </div>
    </Checkbox.Group>
  );
}
