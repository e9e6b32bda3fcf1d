import { Tag } from 'antd';

/** One colour per meaning across every screen: pending orange, done green, failed red, closed grey, moving blue. */
const COLOURS: Record<string, string> = {
  PENDING_PAYMENT: 'orange',
  PAID: 'orange',
  SHIPPED: 'blue',
  AWAITING_PICKUP: 'blue',
  COMPLETED: 'green',
  CANCELLED: 'default',
  PENDING_APPROVAL: 'orange',
  AWAITING_RETURN: 'orange',
  REFUNDING: 'blue',
  REFUNDED: 'green',
  REJECTED: 'default',
  REFUND_FAILED: 'red',
  REQUESTED: 'orange',
  APPROVED: 'blue',
  PAYING: 'blue',
  FAILED: 'red',
  PENDING: 'orange',
  AVAILABLE: 'green',
  draft: 'default',
  on_sale: 'green',
  off_sale: 'default',
  active: 'green',
  suspended: 'default',
  disabled: 'default',
  pending: 'orange',
  approved: 'green',
  rejected: 'default',
  revoked: 'red',
};

export function StatusTag({
  status,
  labels,
}: {
  status: string | null | undefined;
  labels: Record<string, string>;
}) {
  if (!status) return <>—</>;
  return <Tag color={COLOURS[status] ?? 'default'}>{labels[status] ?? status}</Tag>;
}

/** ProTable valueEnum from a label map (filters show the same Chinese labels). */
export function valueEnum(labels: Record<string, string>) {
  return Object.fromEntries(Object.entries(labels).map(([k, text]) => [k, { text }]));
}
