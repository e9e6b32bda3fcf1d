import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { SimContext } from './context';
import { PayError, paramError } from './errors';
import { cstTime } from './state';

const HEADER =
  '交易时间,公众账号ID,商户号,特约商户号,设备号,微信订单号,商户订单号,用户标识,交易类型,交易状态,付款银行,货币种类,应结订单金额,代金券金额,微信退款单号,商户退款单号,退款金额,充值券退款金额,退款类型,退款状态,商品名称,商户数据包,手续费,费率,订单金额,申请退款金额,费率备注';
const SUMMARY_HEADER =
  '总交易单数,应结订单总金额,退款总金额,充值券退款总金额,手续费总金额,订单总金额,申请退款总金额';
/** 0.6 % fee, in basis points; rounded half up on integer fen. */
const FEE_BP = 60;

/** Integer fen → "12.34" without floating point. */
function yuan(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

function fee(fen: number): number {
  return Math.floor((fen * FEE_BP + 5000) / 10000);
}

function row(values: string[]): string {
  return values.map((v) => '`' + v).join(',');
}

/** The trade bill CSV for one China-time day, built from the stored orders and refunds. */
export function tradeBillCsv(ctx: SimContext, billDate: string): { csv: string; count: number } {
  const { orders, refunds } = ctx.store.state;
  const day = (t?: string) => t?.slice(0, 10) === billDate;
  const lines = [HEADER];
  let count = 0;
  let settled = 0;
  let refunded = 0;
  let fees = 0;
  for (const o of Object.values(orders)) {
    if (!day(o.success_time)) continue;
    count += 1;
    settled += o.total;
    fees += fee(o.total);
    lines.push(
      row([
        o.success_time!.replace('T', ' ').slice(0, 19),
        o.appid,
        o.mchid,
        '0',
        '',
        o.transaction_id!,
        o.out_trade_no,
        o.openid,
        'JSAPI',
        'SUCCESS',
        'OTHERS',
        'CNY',
        yuan(o.total),
        '0.00',
        '0',
        '0',
        '0.00',
        '0.00',
        '',
        '',
        o.description,
        o.attach,
        yuan(fee(o.total)),
        '0.60%',
        yuan(o.total),
        '0.00',
        '',
      ]),
    );
  }
  for (const r of Object.values(refunds)) {
    if (r.status !== 'SUCCESS' || !day(r.success_time)) continue;
    const o = orders[r.out_trade_no];
    count += 1;
    refunded += r.refund;
    fees -= fee(r.refund);
    lines.push(
      row([
        r.success_time!.replace('T', ' ').slice(0, 19),
        o.appid,
        o.mchid,
        '0',
        '',
        r.transaction_id,
        r.out_trade_no,
        o.openid,
        'JSAPI',
        'REFUND',
        'OTHERS',
        'CNY',
        '0.00',
        '0.00',
        r.refund_id,
        r.out_refund_no,
        yuan(r.refund),
        '0.00',
        'ORIGINAL',
        'SUCCESS',
        o.description,
        o.attach,
        yuan(-fee(r.refund)),
        '0.60%',
        yuan(o.total),
        yuan(r.refund),
        '',
      ]),
    );
  }
  lines.push(SUMMARY_HEADER);
  lines.push(
    row([String(count), yuan(settled), yuan(refunded), '0.00', yuan(fees), yuan(settled), yuan(refunded)]),
  );
  return { csv: lines.join('\r\n') + '\r\n', count };
}

export function registerBillRoutes(app: FastifyInstance, ctx: SimContext): void {
  app.get('/v3/bill/tradebill', async (req) => {
    const q = req.query as { bill_date?: string; bill_type?: string; tar_type?: string };
    if (!q.bill_date || !/^\d{4}-\d\d-\d\d$/.test(q.bill_date))
      throw paramError('bill_date', '格式应为YYYY-MM-DD', q.bill_date);
    if (q.bill_type && !['ALL', 'SUCCESS', 'REFUND'].includes(q.bill_type))
      throw paramError('bill_type', '应为ALL、SUCCESS或REFUND', q.bill_type);
    if (q.tar_type && q.tar_type !== 'GZIP') throw paramError('tar_type', '仅支持GZIP');
    const today = cstTime(ctx.store.now()).slice(0, 10);
    if (q.bill_date > today) throw new PayError(400, 'INVALID_REQUEST', '账单日期不能晚于今天');
    const { csv, count } = tradeBillCsv(ctx, q.bill_date);
    if (count === 0) throw new PayError(400, 'NO_STATEMENT_EXIST', '该日期没有账单');
    const token = Buffer.from(JSON.stringify({ d: q.bill_date })).toString('base64url');
    return {
      hash_type: 'SHA1',
      hash_value: createHash('sha1').update(csv, 'utf8').digest('hex'),
      download_url: `${ctx.baseUrl()}/v3/billdownload/file?token=${token}`,
    };
  });

  app.get('/v3/billdownload/file', async (req, reply) => {
    const token = (req.query as { token?: string }).token ?? '';
    let date: string;
    try {
      date = (JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as { d: string }).d;
    } catch {
      throw paramError('token', '下载令牌无效');
    }
    if (!/^\d{4}-\d\d-\d\d$/.test(date ?? '')) throw paramError('token', '下载令牌无效');
    return reply.type('text/plain; charset=utf-8').send(tradeBillCsv(ctx, date).csv);
  });
}
