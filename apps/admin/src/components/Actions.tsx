import { Button, Form, Input, Modal, Popconfirm, type ButtonProps } from 'antd';
import { useState, type ReactNode } from 'react';
import { showError } from '../lib/errors';
import { S } from '../strings';

/** A destructive or money-moving action that asks first (Popconfirm). */
export function ConfirmButton({
  title,
  onConfirm,
  children,
  ...button
}: { title: string; onConfirm: () => Promise<unknown> } & ButtonProps) {
  const [busy, setBusy] = useState(false);
  return (
    <Popconfirm
      title={S.common.confirmTitle}
      description={title}
      okText={S.common.ok}
      cancelText={S.common.cancel}
      onConfirm={async () => {
        setBusy(true);
        try {
          await onConfirm();
        } catch (e) {
          showError(e);
        } finally {
          setBusy(false);
        }
      }}
    >
      <Button loading={busy} {...button}>
        {children}
      </Button>
    </Popconfirm>
  );
}

/** An action that needs a written reason (reject, move a binding): a modal with the reason field. */
export function ReasonButton({
  title,
  label = S.common.reason,
  extra,
  onReason,
  children,
  ...button
}: {
  title: string;
  label?: string;
  /** Shown above the reason field (what the action will do). */
  extra?: ReactNode;
  onReason: (reason: string) => Promise<unknown>;
} & ButtonProps) {
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<{ reason: string }>();
  return (
    <>
      <Button {...button} onClick={() => setOpen(true)}>
        {children}
      </Button>
      <Modal
        title={title}
        open={open}
        okText={S.common.ok}
        cancelText={S.common.cancel}
        confirmLoading={busy}
        destroyOnHidden
        onCancel={() => setOpen(false)}
        onOk={async () => {
          const { reason } = await form.validateFields();
          setBusy(true);
          try {
            await onReason(reason.trim());
            setOpen(false);
            form.resetFields();
          } catch (e) {
            showError(e);
          } finally {
            setBusy(false);
          }
        }}
      >
        <Form form={form} layout="vertical" preserve={false}>
          {extra && <div style={{ marginBottom: 16 }}>{extra}</div>}
          <Form.Item
            name="reason"
            label={label}
            rules={[{ required: true, whitespace: true, min: 2, max: 500, message: S.common.reasonRequired }]}
          >
            <Input.TextArea rows={3} maxLength={500} showCount />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
