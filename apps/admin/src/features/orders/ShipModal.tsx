import { ModalForm, ProFormText } from '@ant-design/pro-components';
import { Form, message } from 'antd';
import type { ReactElement } from 'react';
import { ReasonButton } from '../../components/Actions';
import { api, call } from '../../lib/api';
import { applyFieldErrors } from '../../lib/errors';
import { S } from '../../strings';

/** 发货: carrier and tracking number for one paid express order. */
export function ShipModal({
  orderId,
  trigger,
  onDone,
}: {
  orderId: string;
  trigger: ReactElement;
  onDone: () => void;
}) {
  const [form] = Form.useForm<{ carrier: string; trackingNo: string }>();
  return (
    <ModalForm<{ carrier: string; trackingNo: string }>
      title={S.order.shipTitle}
      trigger={trigger}
      form={form}
      width={420}
      modalProps={{ destroyOnHidden: true }}
      onFinish={async (body) => {
        try {
          await call(api.POST('/api/admin/orders/{id}/ship', { params: { path: { id: orderId } }, body }));
          void message.success(S.order.shipped);
          onDone();
          return true;
        } catch (e) {
          applyFieldErrors(form, e);
          return false;
        }
      }}
    >
      <ProFormText
        name="carrier"
        label={S.order.carrier}
        placeholder="如：顺丰速运"
        rules={[{ required: true, max: 32 }]}
      />
      <ProFormText name="trackingNo" label={S.order.trackingNo} rules={[{ required: true, max: 64 }]} />
    </ModalForm>
  );
}

/** 取消订单: an unpaid order, with the reason kept in its history. */
export function CancelOrder({
  orderId,
  onDone,
  link,
}: {
  orderId: string;
  onDone: () => void;
  link?: boolean;
}) {
  return (
    <ReasonButton
      danger
      type={link ? 'link' : 'default'}
      size={link ? 'small' : 'middle'}
      title={S.order.cancelTitle}
      label={S.order.cancelReason}
      onReason={async (reason) => {
        const r = await call(
          api.POST('/api/admin/orders/{id}/cancel', { params: { path: { id: orderId } }, body: { reason } }),
        );
        if (r.outcome === 'paid') void message.warning(S.order.cancelPaid);
        else void message.success(S.common.done);
        onDone();
      }}
    >
      {S.order.cancel}
    </ReasonButton>
  );
}
