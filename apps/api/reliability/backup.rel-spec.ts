import * as path from 'node:path';
import { report, Stack } from './harness';

/**
 * Scenario 5: a backup with pg_dump (custom format) restored with pg_restore into a fresh
 * database answers the same: order counts, payments, ledger totals and a clean self-check.
 */
describe('backup and restore', () => {
  let s: Stack;

  beforeAll(async () => {
    s = await Stack.boot({ worker: false });
  });
  afterAll(async () => {
    await s?.stop();
  });

  async function figures(database: string) {
    const q = (sql: string) => s.pg.query<Record<string, string | number>>(database, sql);
    return {
      orders: await q(`SELECT status, count(*)::int AS n FROM orders GROUP BY status ORDER BY status`),
      payments: await q(
        `SELECT status, count(*)::int AS n, sum(amount_fen)::text AS fen FROM payment GROUP BY status ORDER BY status`,
      ),
      ledger: await q(
        `SELECT count(*)::int AS entries, coalesce(sum(amount_fen), 0)::text AS fen FROM ledger_entry`,
      ),
      rewards: await q(`SELECT count(*)::int AS n FROM reward`),
      // A cron's own ticks (the analytics sweep every minute) are not data: a tick between the dump
      // and this count must not make the copy look different.
      jobs: await q(
        `SELECT name, state, count(*)::int AS n FROM pgboss.job
          WHERE name NOT LIKE '\\_\\_%' AND name <> 'analytics.sweep' GROUP BY 1, 2 ORDER BY 1, 2`,
      ),
    };
  }

  it('pg_dump → pg_restore into a fresh database keeps every order, payment and ledger entry', async () => {
    const sku = await s.stockedSku();
    const [scan] = await s.sql<{ code: string }>(
      `SELECT code FROM scan_code WHERE status = 'active' LIMIT 1`,
    );
    const b = await s.buyer('备份买家');
    await s.call('GET', `/app/scan/${scan.code}`, { token: b.token });
    const paid: string[] = [];
    for (let i = 0; i < 12; i++) {
      const o = await s.order(b, sku.id, `backup-${i}`);
      expect(o.status).toBe(201);
      if (i % 3 === 2) continue; // a third stay unpaid
      const pay = await s.prepay(b, o.body.id);
      paid.push((await s.confirmPayment(b, pay.body.requestPayment)).outTradeNo);
    }
    await s.until('payments and their rewards to be written', async () => {
      const [{ n }] = await s.sql<{ n: number }>(
        `SELECT count(*)::int AS n FROM orders o WHERE o.status = 'PAID' AND EXISTS (SELECT 1 FROM reward r WHERE r.order_id = o.id)`,
      );
      return n === paid.length;
    });
    // Every job that is due has finished (the analytics facts of these payments too), so no job
    // changes state between the dump and the count.
    await s.until('due jobs to finish', async () => {
      const [{ n }] = await s.sql<{ n: number }>(
        `SELECT count(*)::int AS n FROM pgboss.job
          WHERE name NOT LIKE '\\_\\_%' AND name <> 'analytics.sweep'
            AND (state = 'active' OR (state IN ('created', 'retry') AND start_after <= now()))`,
      );
      return n === 0;
    });

    const dump = path.join(s.pg.dir, 'cloudshelf.dump');
    const t0 = Date.now();
    await s.pg.tool('pg_dump', [
      '-h',
      '127.0.0.1',
      '-p',
      String(s.pg.port),
      '-U',
      'postgres',
      '-Fc',
      '-f',
      dump,
      'cloudshelf',
    ]);
    const dumpMs = Date.now() - t0;
    await s.pg.query('postgres', 'CREATE DATABASE restored');
    const t1 = Date.now();
    await s.pg.tool('pg_restore', [
      '-h',
      '127.0.0.1',
      '-p',
      String(s.pg.port),
      '-U',
      'postgres',
      '--no-owner',
      '--exit-on-error',
      '-d',
      'restored',
      dump,
    ]);
    const restoreMs = Date.now() - t1;

    const original = await figures('cloudshelf');
    const restored = await figures('restored');
    expect(restored).toEqual(original);
    expect(original.orders).toEqual([
      { status: 'PAID', n: paid.length },
      { status: 'PENDING_PAYMENT', n: 12 - paid.length },
    ]);

    // The API runs on the restored database: the admin sees the same orders, the ledger checks clean.
    const copy = await s.extraApi('restored');
    const get = async (route: string) =>
      (
        await fetch(copy.url + route, { headers: { authorization: `Bearer ${copy.token}` } })
      ).json() as Promise<any>;
    const check = await get('/admin/ledger/check');
    expect(check).toEqual({ ...(await s.ledgerCheck()), unbalancedPostings: 0, mismatchedAccounts: 0 });
    expect((await get('/admin/orders?pageSize=1')).total).toBe(12);
    expect((await s.admin('GET', '/orders?pageSize=1')).body.total).toBe(12);

    report('backup and restore (pg_dump -Fc → pg_restore)', {
      'PostgreSQL binaries': s.pg.bin,
      'orders (paid / unpaid)': `${paid.length} / ${12 - paid.length}`,
      'ledger entries / total fen': `${original.ledger[0].entries} / ${original.ledger[0].fen}`,
      'dump / restore time': `${dumpMs} ms / ${restoreMs} ms`,
      'self-check on the restored copy': JSON.stringify(check),
    });
  });
});
