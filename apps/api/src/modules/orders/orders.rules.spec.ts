import { AppError } from '../../common/errors';
import { linePaidAmounts } from './checkout/line-paid';
import { lineRefundFen } from './after-sales/after-sales.service';
import { orderMachine, type Order, type OrderStatus } from './entities/order.entity';
import { parseShipCsv } from './orders-admin.controller';
import { transitionOrder } from './order-state';
import { PICKUP_INPUT, pickupCodeOf, pickupQrPayload } from './fulfilment/pickup-code';
import { shippingFee } from './checkout/shipping.service';
import { RequestContext } from '../../common/request-context';

describe('order state machine (SPEC §5)', () => {
  it('has exactly the SPEC edges', () => {
    expect(orderMachine.edges().map(([a, b]) => `${a}>${b}`)).toEqual([
      'PENDING_PAYMENT>PAID',
      'PENDING_PAYMENT>CANCELLED',
      'PAID>SHIPPED',
      'PAID>AWAITING_PICKUP',
      'PAID>COMPLETED',
      'SHIPPED>COMPLETED',
      'AWAITING_PICKUP>COMPLETED',
    ]);
  });

  const manager = {
    getRepository: () => ({ update: async () => undefined, insert: async () => undefined }),
  } as never;
  const order = (status: OrderStatus, mode: Order['mode']) => ({ id: 'o', status, mode }) as Order;
  const ctx = RequestContext.system('test');

  it.each([
    ['PAID', 'express', 'SHIPPED', true],
    ['PAID', 'pickup', 'SHIPPED', false],
    ['PAID', 'pickup', 'AWAITING_PICKUP', true],
    ['PAID', 'express', 'AWAITING_PICKUP', false],
    ['PAID', 'take_away', 'COMPLETED', true],
    ['PAID', 'express', 'COMPLETED', false],
    ['PAID', 'pickup', 'COMPLETED', false],
    ['SHIPPED', 'express', 'COMPLETED', true],
    ['CANCELLED', 'express', 'PAID', false],
    ['COMPLETED', 'express', 'CANCELLED', false],
  ] as const)('%s (%s) → %s allowed: %s', async (from, mode, to, ok) => {
    const o = order(from, mode);
    const run = transitionOrder(ctx, manager, o, to, 'test');
    if (ok) {
      await run;
      expect(o.status).toBe(to);
    } else {
      await expect(run).rejects.toBeInstanceOf(AppError);
      expect(o.status).toBe(from);
    }
  });
});

describe('shippingFee', () => {
  const t = {
    firstWeightGrams: 1000,
    firstFeeFen: 1000,
    extraWeightGrams: 500,
    extraFeeFen: 300,
    freeOverFen: 10_000,
    regions: [{ provinces: ['西藏自治区'], firstFeeFen: 3000, extraFeeFen: 1000 }],
  };
  it.each([
    [0, 0, null, 1000],
    [1000, 0, null, 1000],
    [1001, 0, null, 1300],
    [2000, 0, '浙江省', 1600],
    [2000, 0, '西藏自治区', 5000],
    [2000, 9_999, null, 1600],
    [2000, 10_000, '西藏自治区', 0],
  ])('%i g, goods %i fen, %s → %i fen', (w, goods, province, fee) => {
    expect(shippingFee(t, w, goods, province)).toBe(fee);
  });
  it('never frees shipping without a threshold', () => {
    expect(shippingFee({ ...t, freeOverFen: null }, 0, 1e9, null)).toBe(1000);
  });
});

describe('lineRefundFen', () => {
  it.each([
    [1000, 3, [1, 1, 1]],
    [1001, 3, [2, 1]],
    [7, 7, [1, 2, 3, 1]],
    [99_999, 4, [4]],
  ])('refunds of a %i fen line of %i units sum to the paid amount exactly', (paid, qty, steps) => {
    let done = 0;
    let sum = 0;
    for (const more of steps) {
      const fen = lineRefundFen(paid, qty, done, more);
      expect(fen).toBeGreaterThanOrEqual(0);
      sum += fen;
      done += more;
    }
    expect(sum).toBe(paid);
  });
});

describe('parseShipCsv', () => {
  it('reads order rows, skipping the header, BOM, quotes and blank lines', () => {
    const text =
      '\uFEFF订单号,快递公司,运单号\r\n"OD2026112612000000000001",顺丰速运,SF1\r\n\r\nOD2,中通快递, ZT2 \n';
    expect(parseShipCsv(text)).toEqual([
      { orderNo: 'OD2026112612000000000001', carrier: '顺丰速运', trackingNo: 'SF1' },
      { orderNo: 'OD2', carrier: '中通快递', trackingNo: 'ZT2' },
    ]);
  });
});

describe('pickup verify input: the bare code or the QR payload', () => {
  it.each([
    ['123456', '123456'],
    [pickupQrPayload('012345'), '012345'],
  ])('%s → %s', (input, code) => {
    expect(PICKUP_INPUT.test(input)).toBe(true);
    expect(pickupCodeOf(input)).toBe(code);
  });

  it.each(['12345', '1234567', 'cloudshelf:pickup:', 'other:pickup:123456', 'cloudshelf:pickup:12345a'])(
    'refuses %s',
    (input) => expect(PICKUP_INPUT.test(input)).toBe(false),
  );
});

describe('linePaidAmounts: order discounts spread by largest remainder', () => {
  it.each<[number[], number, number[]]>([
    [[10_000, 5_000], 0, [10_000, 5_000]],
    [[10_000, 5_000], 1_500, [9_000, 4_500]],
    [[100, 100, 100], 100, [66, 67, 67]],
    [[3_333, 6_667], 1, [3_333, 6_666]],
    [[500], 500, [0]],
  ])('%p less %d → %p', (lines, discount, paid) => {
    expect(linePaidAmounts(lines, discount)).toEqual(paid);
    expect(paid.reduce((a, b) => a + b, 0)).toBe(lines.reduce((a, b) => a + b, 0) - discount);
  });

  it('refuses a discount above the goods total', () =>
    expect(() => linePaidAmounts([100], 101)).toThrow(RangeError));
});
