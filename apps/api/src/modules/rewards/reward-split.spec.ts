import type { LineAttribution } from '../orders/orders.ports';
import { clawbackFen, splitLine } from './reward-split';

const base: LineAttribution = {
  buyerId: 'buyer',
  storeId: 'store-1',
  storeRateBp: 500,
  agentId: 'agent-1',
  agentRateBp: 100,
  resellerId: 'res-1',
  l1RateBp: 1000,
  uplineId: 'res-0',
  l2RateBp: 300,
  selfPurchaseCommission: false,
};

const brief = (paid: number, a: Partial<LineAttribution>) =>
  splitLine(paid, { ...base, ...a }).map((s) => `${s.kind}:${s.earnerId}:${s.amountFen}`);

describe('splitLine (SPEC §7 defaults: store 5 %, agent 1 %, L1 10 %, L2 3 %)', () => {
  it.each<[string, number, Partial<LineAttribution>, string[]]>([
    ['every party', 10_000, {}, ['store:store-1:500', 'agent:agent-1:100', 'l1:res-1:1000', 'l2:res-0:300']],
    [
      'rounds each amount down',
      999,
      {},
      ['store:store-1:49', 'agent:agent-1:9', 'l1:res-1:99', 'l2:res-0:29'],
    ],
    ['leaves out zero amounts', 9, {}, []],
    [
      'a guide in the promoter slot: guide reward, store and agent still earn',
      10_000,
      { resellerId: null, uplineId: null, guideId: 'staff-1', guideRateBp: 200 },
      ['store:store-1:500', 'agent:agent-1:100', 'guide:staff-1:200'],
    ],
    [
      'a guide at rate 0 earns nothing',
      10_000,
      { resellerId: null, uplineId: null, guideId: 'staff-1', guideRateBp: 0 },
      ['store:store-1:500', 'agent:agent-1:100'],
    ],
    [
      'a guide buying for themself earns nothing',
      10_000,
      { resellerId: null, uplineId: null, guideId: 'buyer', guideRateBp: 200 },
      ['store:store-1:500', 'agent:agent-1:100'],
    ],
    ['no store: no store reward and no agent', 10_000, { storeId: null }, ['l1:res-1:1000', 'l2:res-0:300']],
    [
      'store without agent',
      10_000,
      { agentId: null },
      ['store:store-1:500', 'l1:res-1:1000', 'l2:res-0:300'],
    ],
    [
      'no reseller: no L1 and no L2 even with an upline',
      10_000,
      { resellerId: null },
      ['store:store-1:500', 'agent:agent-1:100'],
    ],
    [
      'reseller without upline: L1 only',
      10_000,
      { uplineId: null },
      ['store:store-1:500', 'agent:agent-1:100', 'l1:res-1:1000'],
    ],
    [
      'self-purchase, switch off: no L1, upline keeps L2',
      10_000,
      { buyerId: 'res-1' },
      ['store:store-1:500', 'agent:agent-1:100', 'l2:res-0:300'],
    ],
    [
      'self-purchase, switch on: L1 too',
      10_000,
      { buyerId: 'res-1', selfPurchaseCommission: true },
      ['store:store-1:500', 'agent:agent-1:100', 'l1:res-1:1000', 'l2:res-0:300'],
    ],
    [
      'the upline buying through their downline earns no L2 on it',
      10_000,
      { buyerId: 'res-0' },
      ['store:store-1:500', 'agent:agent-1:100', 'l1:res-1:1000'],
    ],
    [
      'an agent buying in their own store earns no override',
      10_000,
      { buyerId: 'agent-1', resellerId: null },
      ['store:store-1:500'],
    ],
    [
      'product overrides in the snapshot',
      10_000,
      { storeRateBp: 800, l1RateBp: 1500, l2RateBp: 0 },
      ['store:store-1:800', 'agent:agent-1:100', 'l1:res-1:1500'],
    ],
  ])('%s', (_name, paid, a, expected) => expect(brief(paid, a)).toEqual(expected));

  it('never pays more than two reseller levels', () => {
    const kinds = splitLine(1_000_000, base).map((s) => s.kind);
    expect(kinds.filter((k) => k === 'l1' || k === 'l2')).toEqual(['l1', 'l2']);
  });
});

describe('clawbackFen: in proportion to the refunds so far, rounded down, never past what is left', () => {
  it.each<[number, number, number, number, number, number]>([
    [1_000, 0, 10_000, 0, 10_000, 1_000],
    [1_000, 0, 10_000, 0, 5_000, 500],
    [1_000, 0, 10_000, 0, 3_333, 333],
    [1_000, 500, 10_000, 5_000, 5_000, 500],
    [1_000, 1_000, 10_000, 10_000, 1, 0],
    [1_000, 0, 10_000, 0, 0, 0],
    [1_000, 0, 10_000, 0, 20_000, 1_000],
    [999, 0, 3, 0, 1, 333],
  ])(
    'reward %d (clawed %d), line paid %d, refunded before %d, now %d → %d',
    (reward, clawed, paid, before, now, expected) =>
      expect(clawbackFen(reward, clawed, paid, before, now)).toBe(expected),
  );

  it('partial refunds that add up to the whole line take back the whole reward, never more', () => {
    for (const split of [
      [3_333, 6_667],
      [1, 9_999],
      [5_000, 2_500, 2_500],
      [7, 7, 9_986],
    ]) {
      let clawed = 0;
      let refunded = 0;
      for (const part of split) {
        const c = clawbackFen(500, clawed, 10_000, refunded, part);
        expect(c).toBeGreaterThanOrEqual(0);
        clawed += c;
        refunded += part;
        expect(clawed).toBeLessThanOrEqual(500);
      }
      expect(clawed).toBe(500);
    }
  });
});
