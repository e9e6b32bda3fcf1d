import { ProCard } from '@ant-design/pro-components';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Empty, Form, Input, List, Typography, message } from 'antd';
import { useState } from 'react';
import { api, call } from '../../lib/api';
import { applyFieldErrors } from '../../lib/errors';
import { dateTime } from '../../lib/format';
import { useNames } from '../../lib/names';
import { S } from '../../strings';

/** 订单备注: the team's internal notes on an order, oldest first, and a box to add one. */
export function OrderRemarks({ orderId, canWrite }: { orderId: string; canWrite: boolean }) {
  const qc = useQueryClient();
  const [form] = Form.useForm<{ text: string }>();
  const [busy, setBusy] = useState(false);
  const q = useQuery({
    queryKey: ['order-remarks', orderId],
    queryFn: () => call(api.GET('/api/admin/orders/{id}/remarks', { params: { path: { id: orderId } } })),
  });
  const items = q.data?.items ?? [];
  const names = useNames({ adminIds: items.map((r) => r.adminId) });

  const submit = async () => {
    const { text } = await form.validateFields();
    setBusy(true);
    try {
      await call(
        api.POST('/api/admin/orders/{id}/remarks', {
          params: { path: { id: orderId } },
          body: { text: text.trim() },
        }),
      );
      form.resetFields();
      void message.success(S.orderRemark.added);
      await qc.invalidateQueries({ queryKey: ['order-remarks', orderId] });
    } catch (e) {
      applyFieldErrors(form, e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <ProCard
      title={S.orderRemark.title}
      subTitle={S.orderRemark.hint}
      bordered
      loading={q.isLoading}
      data-testid="order-remarks"
    >
      {items.length ? (
        <List
          size="small"
          dataSource={items}
          renderItem={(r) => (
            <List.Item key={r.id}>
              <List.Item.Meta
                title={
                  <Typography.Text type="secondary">
                    {names.admin(r.adminId)} · {dateTime(r.createdAt)}
                  </Typography.Text>
                }
                description={<Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{r.text}</Typography.Text>}
              />
            </List.Item>
          )}
        />
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={S.orderRemark.empty} />
      )}
      {canWrite && (
        <Form form={form} layout="vertical" style={{ marginTop: 12 }}>
          <Form.Item
            name="text"
            label={S.orderRemark.add}
            rules={[{ required: true, whitespace: true, max: 500, message: S.orderRemark.required }]}
          >
            <Input.TextArea rows={2} maxLength={500} showCount placeholder={S.orderRemark.placeholder} />
          </Form.Item>
          <Button type="primary" loading={busy} onClick={() => void submit()}>
            {S.orderRemark.add}
          </Button>
        </Form>
      )}
    </ProCard>
  );
}
