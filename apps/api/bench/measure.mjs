// Figures beside the load runs: pgbench TPC-B on the same PostgreSQL, SQL statements counted by
// pg_stat_statements (the bench's own role left out), and the CPU floor of an order's RSA work.
import { execFile, execFileSync } from 'node:child_process';
import { generateKeyPairSync, sign, verify } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';

const pg = createRequire(import.meta.url)('pg');

function pgbenchBinary() {
  const base = '/usr/lib/postgresql';
  const versions = existsSync(base) ? readdirSync(base).sort((a, b) => Number(b) - Number(a)) : [];
  for (const v of versions) if (existsSync(`${base}/${v}/bin/pgbench`)) return `${base}/${v}/bin/pgbench`;
  try {
    execFileSync('pgbench', ['--version'], { stdio: 'ignore' });
    return 'pgbench';
  } catch {
    return null;
  }
}

/** TPC-B tps (scale 16, 16 clients, `seconds`) on a database of its own; null without pgbench. */
export async function pgbench(stack, seconds) {
  const bin = pgbenchBinary();
  if (!bin) return null;
  const u = new URL(stack.dbUrl);
  const admin = new pg.Client({ connectionString: stack.dbUrl });
  await admin.connect();
  await admin.query('CREATE DATABASE pgbench');
  await admin.end();
  const env = { ...process.env, PGPASSWORD: decodeURIComponent(u.password) };
  const conn = ['-h', u.hostname, '-p', u.port, '-U', decodeURIComponent(u.username)];
  execFileSync(bin, [...conn, '-i', '-q', '-s', '16', 'pgbench'], { env, stdio: 'ignore' });
  const out = await new Promise((resolve, reject) =>
    execFile(
      bin,
      [...conn, '-n', '-c', '16', '-j', '2', '-T', String(seconds), 'pgbench'],
      { env },
      (err, so) => (err ? reject(err) : resolve(so)),
    ),
  );
  const m = /tps = ([\d.]+)/.exec(out);
  return m ? Number(m[1]) : null;
}

/** Statements run by every role but the bench's: the running total, or the change since `since`. */
export async function statementsSince(db, since) {
  const { rows } = await db.query(
    `SELECT coalesce(sum(calls), 0)::bigint AS n FROM pg_stat_statements
      WHERE userid <> (SELECT oid FROM pg_roles WHERE rolname = 'bench')`,
  );
  const n = Number(rows[0].n);
  return since === null || since === undefined ? n : n - since;
}

/**
 * An order's RSA-2048 work: the prepay request and WeChat's answer, the mini-program's paySign and
 * the payment notification, each signed once and verified once (4 signatures, 4 verifications).
 */
export function rsaFloor() {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const data = Buffer.from('x'.repeat(300));
  const sig = sign('sha256', data, privateKey);
  const time = (fn, n = 200) => {
    const t0 = performance.now();
    for (let i = 0; i < n; i++) fn();
    return (performance.now() - t0) / n;
  };
  const signMs = time(() => sign('sha256', data, privateKey));
  const verifyMs = time(() => verify('sha256', data, publicKey, sig));
  const msPerOrder = 4 * signMs + 4 * verifyMs;
  return {
    signMs,
    verifyMs,
    msPerOrder,
    maxOrdersPerSecondOn2Cores: 2000 / msPerOrder,
    note: `4 RSA-2048 signatures at ${signMs.toFixed(2)} ms + 4 verifications at ${verifyMs.toFixed(3)} ms`,
  };
}
