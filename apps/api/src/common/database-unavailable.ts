/** Node socket errors that mean the database cannot be reached. */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
]);

/** PostgreSQL SQLSTATEs of a server going away or not taking connections (class 08: connection exception). */
const PG_CODES = new Set(['57P01', '57P02', '57P03', '53300']);

const MESSAGES =
  /Connection terminated|connection timeout|timeout exceeded when trying to connect|Client has encountered a connection error|the database system is (starting up|shutting down)/i;

/**
 * True when `error` (or what it wraps: TypeORM's driverError, a cause, an AggregateError's
 * errors) says PostgreSQL is unreachable or restarting, not that the request was wrong.
 * Such a request is answered 503 SERVICE_UNAVAILABLE; the pool reconnects by itself.
 */
export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== 'object' || depth > 4) return false;
  const e = error as {
    code?: unknown;
    message?: unknown;
    driverError?: unknown;
    cause?: unknown;
    errors?: unknown;
  };
  if (typeof e.code === 'string' && (NETWORK_CODES.has(e.code) || PG_CODES.has(e.code) || /^08/.test(e.code)))
    return true;
  if (typeof e.message === 'string' && MESSAGES.test(e.message)) return true;
  // TypeORM releases a transaction's connection when the server drops it; the next query says so.
  if ((error as Error).name === 'QueryRunnerAlreadyReleasedError') return true;
  const inner = [e.driverError, e.cause, ...(Array.isArray(e.errors) ? e.errors : [])];
  return inner.some((x) => x !== error && isDatabaseUnavailable(x, depth + 1));
}

/**
 * The process's unhandledRejection policy. pg-boss 10 does not await the write that marks a
 * job completed or failed, so with PostgreSQL restarting that write rejects unhandled and
 * Node would exit (the job itself expires and is retried). Such a rejection is logged;
 * any other unhandled rejection still ends the process.
 */
export function onUnhandledRejection(log: (message: string) => void): (reason: unknown) => void {
  return (reason) => {
    if (isDatabaseUnavailable(reason)) {
      log(`database unavailable (${(reason as Error)?.message ?? String(reason)}); continuing`);
      return;
    }
    throw reason;
  };
}
