import { Form, Input, InputNumber, message, Modal } from 'antd';
import { useState } from 'react';
import { applyFieldErrors } from '../lib/errors';
import { S } from '../strings';

/** 调整库存: a signed quantity and a note; every change lands in the stock log. */
export function StockAdjuster({
  label,
  submit,
  onDone,
}: {
  label: string;
  submit: (delta: number, note?: string) => Promise<unknown>;
  onDone: () => void;
}) {
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<{ delta: number; note?: string }>();
  return (
    <>
      <a onClick={() => setOpen(true)}>{S.product.adjustStock}</a>
      <Modal
        open={open}
        title={`${S.product.adjustStock} · ${label}`}
        destroyOnHidden
        onCancel={() => setOpen(false)}
        onOk={async () => {
          const v = await form.validateFields();
          try {
            await submit(v.delta, v.note || undefined);
            void message.success(S.common.done);
            setOpen(false);
            onDone();
          } catch (e) {
            applyFieldErrors(form, e);
          }
        }}
      >
        <Form form={form} layout="vertical" preserve={false}>
          <Form.Item
            name="delta"
            label={`${S.product.stockDelta}（负数为减少）`}
            rules={[
              { required: true },
              { validator: (_, v) => (v === 0 ? Promise.reject(new Error('不能为 0')) : Promise.resolve()) },
            ]}
          >
            <InputNumber precision={0} style={{ width: 200 }} />
          </Form.Item>
          <Form.Item name="note" label="备注" rules={[{ max: 200 }]}>
            <Input placeholder="如：盘点、补货" />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
