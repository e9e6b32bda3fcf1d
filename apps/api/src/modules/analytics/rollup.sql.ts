/**
 * The rollup rules as SQL, shared by the incremental jobs and the rebuild so both count
 * the same way. Every statement works on a set (a temp table of facts, or a time window),
 * so one fact and a year of facts take the same path.
 *
 * Days are China time (Asia/Shanghai). What lands on which day:
 * - a scan, a view, an add-to-cart, an order placed, a new member: the day it happened;
 * - a payment: the day it was paid (a late payment counts on the pay day, not the order's day);
 * - a till sale: the day it was recorded (counted offline, never in the online funnel);
 * - a refund: the day the refund succeeded. A refund after the pay day has closed is a
 *   refund of its own day; the pay day's GMV never changes afterwards. Net sales of a
 *   range = GMV − refunds of the range.
 * An order counts for its store, and for the shelf and code of the buyer's last resolved
 * scan of that store before the order (last touch); otherwise for the store alone.
 */
export const TZ = 'Asia/Shanghai';
export const NONE = '00000000-0000-0000-0000-000000000000';

export const dayOf = (col: string) => `(${col} AT TIME ZONE '${TZ}')::date`;
/** The instant a China-time day starts, for `$n::date`. */
export const dayStart = (param: string) => `(${param}::date)::timestamp AT TIME ZONE '${TZ}'`;

/** Writes the attribution of online and offline orders matching `where` (alias o), once per order. */
export const attributeOrders = (where: string) => `
  INSERT INTO analytics_order (order_id, buyer_id, store_id, shelf_id, code_id, paid_day)
  SELECT o.id, o.buyer_id, coalesce(o.store_id, '${NONE}'), coalesce(s.shelf_id, '${NONE}'),
         coalesce(s.scan_code_id, '${NONE}'), ${dayOf('o.paid_at')}
    FROM orders o
    LEFT JOIN LATERAL (
      SELECT l.shelf_id, l.scan_code_id FROM scan_log l
       WHERE o.channel = 'online' AND o.store_id IS NOT NULL AND l.user_id = o.buyer_id
         AND l.created_at <= o.created_at AND l.store_id = o.store_id AND l.result = 'resolved'
       ORDER BY l.created_at DESC LIMIT 1
    ) s ON true
   WHERE ${where}
  ON CONFLICT (order_id) DO UPDATE SET paid_day = EXCLUDED.paid_day
    WHERE analytics_order.paid_day IS DISTINCT FROM EXCLUDED.paid_day`;

/** The paid facts (online and till) of orders matching `where`, into temp table t_paid. */
export const collectPaid = (where: string) => `
  CREATE TEMP TABLE t_paid ON COMMIT DROP AS
  SELECT o.id AS order_id, o.buyer_id, o.reseller_id, o.channel, o.payable_fen, ${dayOf('o.paid_at')} AS day,
         (CASE o.channel WHEN 'offline' THEN 'offline:' ELSE 'paid:' END) || o.id AS key
    FROM orders o
   WHERE o.paid_at IS NOT NULL AND ${where}`;

/** The successful after-sale refunds matching `where` (aliases a, r), into temp table t_refund. */
export const collectRefunds = (where: string) => `
  CREATE TEMP TABLE t_refund ON COMMIT DROP AS
  SELECT 'refund:' || a.id AS key, a.order_id, l.product_id, o.reseller_id,
         a.amount_fen AS goods_fen, a.amount_fen + a.shipping_refund_fen AS total_fen,
         ${dayOf('coalesce(r.succeeded_at, a.updated_at)')} AS day
    FROM after_sale a
    JOIN order_line l ON l.id = a.line_id
    JOIN orders o ON o.id = a.order_id
    LEFT JOIN refund r ON r.id = a.refund_id
   WHERE a.status = 'REFUNDED' AND ${where}`;

/** Drops from a temp fact table the facts already counted, recording the new ones. */
export const keepNewFacts = (table: 't_paid' | 't_refund') => `
  WITH ins AS (
    INSERT INTO analytics_fact (key, day) SELECT key, day FROM ${table} ON CONFLICT (key) DO NOTHING RETURNING key
  )
  DELETE FROM ${table} t WHERE NOT EXISTS (SELECT 1 FROM ins WHERE ins.key = t.key)`;

const add = (table: string, cols: string[]) =>
  cols.map((c) => `${c} = ${table}.${c} + EXCLUDED.${c}`).join(', ');

export const APPLY_PAID = [
  `INSERT INTO analytics_code_day (day, store_id, shelf_id, code_id, paid_orders, gmv_fen, offline_orders, offline_gmv_fen)
   SELECT p.day, a.store_id, a.shelf_id, a.code_id,
          count(*) FILTER (WHERE p.channel = 'online'), coalesce(sum(p.payable_fen) FILTER (WHERE p.channel = 'online'), 0),
          count(*) FILTER (WHERE p.channel = 'offline'), coalesce(sum(p.payable_fen) FILTER (WHERE p.channel = 'offline'), 0)
     FROM t_paid p JOIN analytics_order a ON a.order_id = p.order_id
    GROUP BY 1, 2, 3, 4
   ON CONFLICT (day, store_id, shelf_id, code_id) DO UPDATE SET
     ${add('analytics_code_day', ['paid_orders', 'gmv_fen', 'offline_orders', 'offline_gmv_fen'])}`,
  `INSERT INTO analytics_product_day (day, product_id, paid_qty, paid_fen)
   SELECT p.day, l.product_id, sum(l.qty), sum(l.paid_fen)
     FROM t_paid p JOIN order_line l ON l.order_id = p.order_id
    GROUP BY 1, 2
   ON CONFLICT (day, product_id) DO UPDATE SET ${add('analytics_product_day', ['paid_qty', 'paid_fen'])}`,
  `INSERT INTO analytics_reseller_day (day, reseller_id, paid_orders, gmv_fen)
   SELECT p.day, p.reseller_id, count(*), sum(p.payable_fen)
     FROM t_paid p WHERE p.reseller_id IS NOT NULL
    GROUP BY 1, 2
   ON CONFLICT (day, reseller_id) DO UPDATE SET ${add('analytics_reseller_day', ['paid_orders', 'gmv_fen'])}`,
  `INSERT INTO analytics_buyer_day (buyer_id, day)
   SELECT DISTINCT buyer_id, day FROM t_paid ON CONFLICT DO NOTHING`,
];

export const APPLY_REFUNDS = [
  `INSERT INTO analytics_code_day (day, store_id, shelf_id, code_id, refunds, refund_fen)
   SELECT r.day, a.store_id, a.shelf_id, a.code_id, count(*), sum(r.total_fen)
     FROM t_refund r JOIN analytics_order a ON a.order_id = r.order_id
    GROUP BY 1, 2, 3, 4
   ON CONFLICT (day, store_id, shelf_id, code_id) DO UPDATE SET ${add('analytics_code_day', ['refunds', 'refund_fen'])}`,
  `INSERT INTO analytics_product_day (day, product_id, refund_fen)
   SELECT day, product_id, sum(goods_fen) FROM t_refund GROUP BY 1, 2
   ON CONFLICT (day, product_id) DO UPDATE SET ${add('analytics_product_day', ['refund_fen'])}`,
  `INSERT INTO analytics_reseller_day (day, reseller_id, refund_fen)
   SELECT day, reseller_id, sum(total_fen) FROM t_refund WHERE reseller_id IS NOT NULL GROUP BY 1, 2
   ON CONFLICT (day, reseller_id) DO UPDATE SET ${add('analytics_reseller_day', ['refund_fen'])}`,
];

/** Each buyer's previous paying day, recomputed for the buyers in `buyers` (a SELECT of buyer ids). */
export const relinkBuyers = (buyers: string) => `
  UPDATE analytics_buyer_day b SET prev_day = x.prev
    FROM (SELECT buyer_id, day, lag(day) OVER (PARTITION BY buyer_id ORDER BY day) AS prev
            FROM analytics_buyer_day WHERE buyer_id IN (${buyers})) x
   WHERE b.buyer_id = x.buyer_id AND b.day = x.day AND b.prev_day IS DISTINCT FROM x.prev`;

/**
 * The facts kept by creation time, for `[$1, $2)`: resolved scans, views and add-to-carts,
 * online orders placed, new members. Run by the sweep (window since its watermark) and the rebuild.
 */
export const SWEEP = [
  `INSERT INTO analytics_code_day (day, store_id, shelf_id, code_id, scans)
   SELECT ${dayOf('created_at')}, store_id, coalesce(shelf_id, '${NONE}'), coalesce(scan_code_id, '${NONE}'), count(*)
     FROM scan_log
    WHERE created_at >= $1 AND created_at < $2 AND result = 'resolved' AND store_id IS NOT NULL
    GROUP BY 1, 2, 3, 4
   ON CONFLICT (day, store_id, shelf_id, code_id) DO UPDATE SET ${add('analytics_code_day', ['scans'])}`,
  `INSERT INTO analytics_code_day (day, store_id, shelf_id, code_id, views, carts)
   SELECT ${dayOf('e.created_at')}, coalesce(c.store_id, '${NONE}'), coalesce(c.shelf_id, '${NONE}'),
          coalesce(c.id, '${NONE}'), count(*) FILTER (WHERE e.kind = 'view'), count(*) FILTER (WHERE e.kind = 'cart')
     FROM analytics_event e LEFT JOIN scan_code c ON c.id = e.scan_code_id
    WHERE e.created_at >= $1 AND e.created_at < $2
    GROUP BY 1, 2, 3, 4
   ON CONFLICT (day, store_id, shelf_id, code_id) DO UPDATE SET ${add('analytics_code_day', ['views', 'carts'])}`,
  `INSERT INTO analytics_product_day (day, product_id, views, carts)
   SELECT ${dayOf('created_at')}, product_id, count(*) FILTER (WHERE kind = 'view'), count(*) FILTER (WHERE kind = 'cart')
     FROM analytics_event WHERE created_at >= $1 AND created_at < $2
    GROUP BY 1, 2
   ON CONFLICT (day, product_id) DO UPDATE SET ${add('analytics_product_day', ['views', 'carts'])}`,
  attributeOrders(`o.created_at >= $1 AND o.created_at < $2`),
  `INSERT INTO analytics_code_day (day, store_id, shelf_id, code_id, orders)
   SELECT ${dayOf('o.created_at')}, a.store_id, a.shelf_id, a.code_id, count(*)
     FROM orders o JOIN analytics_order a ON a.order_id = o.id
    WHERE o.created_at >= $1 AND o.created_at < $2 AND o.channel = 'online'
    GROUP BY 1, 2, 3, 4
   ON CONFLICT (day, store_id, shelf_id, code_id) DO UPDATE SET ${add('analytics_code_day', ['orders'])}`,
  `INSERT INTO analytics_platform_day (day, new_members)
   SELECT ${dayOf('created_at')}, count(*) FROM users WHERE created_at >= $1 AND created_at < $2 GROUP BY 1
   ON CONFLICT (day) DO UPDATE SET ${add('analytics_platform_day', ['new_members'])}`,
];
