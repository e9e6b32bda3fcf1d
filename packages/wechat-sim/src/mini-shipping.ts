import type { FastifyInstance } from 'fastify';
import type { SimContext } from './context';
import { MiniError } from './errors';
import { checkToken } from './mini-routes';
import { cstTime, type SimOrder } from './state';

type Body = Record<string, unknown>;

const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?(Z|[+-]\d{2}:\d{2})$/;
/** A delivery id of WeChat's carrier list (get_delivery_list): upper-case letters, digits, underscores. */
const DELIVERY_ID = /^[A-Z][A-Z0-9_]{0,31}$/;

const formatError = (hint: string) => new MiniError(47001, `data format error hint: ${hint}`);

function findOrder(ctx: SimContext, key: Body): SimOrder {
  const { orders } = ctx.store.state;
  let order: SimOrder | undefined;
  if (key.order_number_type === 1) {
    if (typeof key.out_trade_no !== 'string' || typeof key.mchid !== 'string')
      throw formatError('order_key.mchid and order_key.out_trade_no are required');
    order = key.mchid === ctx.creds.mchId ? orders[key.out_trade_no] : undefined;
  } else if (key.order_number_type === 2) {
    if (typeof key.transaction_id !== 'string') throw formatError('order_key.transaction_id is required');
    order = Object.values(orders).find((o) => o.transaction_id === key.transaction_id);
  } else {
    throw formatError('order_key.order_number_type must be 1 or 2');
  }
  if (!order || !order.transaction_id) throw new MiniError(10060001, '支付单不存在');
  return order;
}

function checkShippingList(logisticsType: number, list: unknown): void {
  if (!Array.isArray(list) || list.length === 0) throw formatError('shipping_list must be a non-empty array');
  if (list.length > 15) throw new MiniError(10060024, '物流信息列表过长');
  for (const raw of list) {
    const item = (raw ?? {}) as Body;
    const desc = item.item_desc;
    if (typeof desc !== 'string' || !desc.trim()) throw new MiniError(10060008, '商品描述item_desc不能为空');
    if ([...desc].length > 120) throw new MiniError(10060009, '商品描述item_desc过长');
    if (logisticsType !== 1) continue;
    const tracking = item.tracking_no;
    const company = item.express_company;
    if (typeof tracking !== 'string' || !tracking) throw formatError('shipping_list.tracking_no is required');
    if (tracking.length > 128) throw new MiniError(10060026, '物流单号过长');
    if (typeof company !== 'string' || !company)
      throw formatError('shipping_list.express_company is required');
    if (company.length > 128) throw new MiniError(10060025, '物流公司编码过长');
    if (!DELIVERY_ID.test(company)) throw new MiniError(10060014, `物流公司编码${company}不存在`);
    const contact = (item.contact ?? {}) as Body;
    // SF Express only: a masked phone of the receiver or the consignor is required.
    if (company === 'SF' && !contact.receiver_contact && !contact.consignor_contact)
      throw new MiniError(10060014, '顺丰快递须填写contact.receiver_contact或consignor_contact');
  }
}

/**
 * 发货信息录入 (`/wxa/sec/order/upload_shipping_info`): validates like WeChat and records each
 * accepted upload. A payment may be uploaded once and corrected once (upload_time must be newer);
 * a third upload answers 10060003.
 */
export function registerShippingRoutes(app: FastifyInstance, ctx: SimContext): void {
  app.post('/wxa/sec/order/upload_shipping_info', async (req) => {
    checkToken(ctx, (req.query as Record<string, string>).access_token);
    const b = req.body;
    if (!b || typeof b !== 'object' || Array.isArray(b)) throw formatError('body must be a JSON object');
    const body = b as Body;
    if (!body.order_key || typeof body.order_key !== 'object') throw formatError('order_key is required');
    const logisticsType = body.logistics_type;
    if (typeof logisticsType !== 'number') throw formatError('logistics_type is required');
    if (![1, 2, 3, 4].includes(logisticsType)) throw new MiniError(10060005, '物流模式有误');
    if (body.delivery_mode !== 1 && body.delivery_mode !== 2)
      throw formatError('delivery_mode must be 1 (UNIFIED_DELIVERY) or 2 (SPLIT_DELIVERY)');
    if (body.delivery_mode === 2 && logisticsType !== 1)
      throw new MiniError(10060006, '非快递发货不允许分拆发货');
    if (body.delivery_mode === 2 && typeof body.is_all_delivered !== 'boolean')
      throw new MiniError(10060007, '分拆发货必须填写is_all_delivered');
    if (typeof body.upload_time !== 'string' || !RFC3339.test(body.upload_time))
      throw formatError('upload_time must be RFC 3339');
    const payer = (body.payer ?? {}) as Body;
    if (typeof payer.openid !== 'string' || !payer.openid) throw formatError('payer.openid is required');
    checkShippingList(logisticsType, body.shipping_list);
    if (body.delivery_mode === 1 && (body.shipping_list as unknown[]).length > 1)
      throw new MiniError(10060014, '统一发货只能有一个物流单');

    const order = findOrder(ctx, body.order_key as Body);
    if (order.openid !== payer.openid) throw new MiniError(10060031, '该笔支付单不属于openid所指定的用户');
    if (order.trade_state !== 'SUCCESS') throw new MiniError(10060004, '支付单处于不可发货的状态');
    const all = (ctx.store.state.shippingInfo ??= {});
    const record = (all[order.out_trade_no] ??= {
      out_trade_no: order.out_trade_no,
      transaction_id: order.transaction_id!,
      uploads: [],
    });
    if (record.uploads.length >= 2) throw new MiniError(10060003, '支付单已使用重新发货机会');
    const last = record.uploads[record.uploads.length - 1];
    if (last && Date.parse(String(last.body.upload_time)) >= Date.parse(body.upload_time))
      throw new MiniError(10060023, '发货信息未更新');
    record.uploads.push({ at: cstTime(ctx.store.now()), body });
    ctx.store.save();
    return { errcode: 0, errmsg: 'ok' };
  });
}
