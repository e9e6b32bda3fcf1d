// Seeds the bench's scale with set-based INSERTs (one statement per table): 10,000 products
// with one SKU each, 500 stores with a 20-slot shelf, its scan code and store stock, and
// logged-in buyers whose bearer tokens the bench signs itself (the API shares its secret).
import { createHmac, randomUUID } from 'node:crypto';
import { TOKEN_SECRET } from './stack.mjs';

export const PRODUCTS = Number(process.env.BENCH_PRODUCTS ?? 10_000);
export const STORES = Number(process.env.BENCH_STORES ?? 500);
const SLOTS = 20;

export async function seedScale(db) {
  const t0 = performance.now();
  await db.query(`
    INSERT INTO product (title, subtitle, category_id, images, description_html, status, fulfilment_modes, search_text)
    SELECT '压测商品 ' || g, '第 ' || g || ' 号', (SELECT id FROM category ORDER BY created_at LIMIT 1),
           (SELECT images FROM product ORDER BY created_at LIMIT 1), '<p>压测商品</p>', 'on_sale',
           '["express","pickup","take_away"]'::jsonb, '压测商品 ' || g
      FROM generate_series(1, ${PRODUCTS}) g`);
  await db.query(`
    INSERT INTO sku (product_id, specs, code, price_fen, original_price_fen, weight_grams, stock)
    SELECT p.id, '{"规格":"标准"}'::jsonb, 'BENCH-' || substr(p.id::text, 1, 18), 1000 + (row_number() OVER ()) % 5000, NULL, 500, 1000000
      FROM product p WHERE p.title LIKE '压测商品 %'`);
  await db.query(`CREATE TEMP TABLE bench_p AS
    SELECT row_number() OVER (ORDER BY p.created_at, p.id) - 1 AS n, p.id AS product_id, s.id AS sku_id
      FROM product p JOIN sku s ON s.product_id = p.id WHERE p.title LIKE '压测商品 %'`);
  await db.query(`
    INSERT INTO store (name, address, city, phone, lat, lng, opening_hours)
    SELECT '压测门店 ' || g, '杭州市西湖区文三路 ' || g || ' 号', '杭州市', '0571-8800' || lpad(g::text, 4, '0'),
           30.2 + g * 0.0005, 120.1 + g * 0.0005, '09:00-21:00'
      FROM generate_series(1, ${STORES}) g`);
  await db.query(`CREATE TEMP TABLE bench_s AS
    SELECT row_number() OVER (ORDER BY created_at, id) - 1 AS n, id AS store_id FROM store WHERE name LIKE '压测门店 %'`);
  await db.query(`INSERT INTO shelf (store_id, name) SELECT store_id, '主货架' FROM bench_s`);
  await db.query(`
    INSERT INTO shelf_slot (shelf_id, position, product_id, sku_id)
    SELECT sh.id, i, p.product_id, NULL
      FROM bench_s s JOIN shelf sh ON sh.store_id = s.store_id
      CROSS JOIN generate_series(1, ${SLOTS}) i
      JOIN bench_p p ON p.n = (s.n * ${SLOTS} + i) % ${PRODUCTS}`);
  await db.query(`
    INSERT INTO store_stock (store_id, sku_id, product_id, qty)
    SELECT sh.store_id, p.sku_id, p.product_id, 100
      FROM shelf_slot sl JOIN shelf sh ON sh.id = sl.shelf_id JOIN bench_s s ON s.store_id = sh.store_id
      JOIN bench_p p ON p.product_id = sl.product_id
    ON CONFLICT DO NOTHING`);
  await db.query(`
    INSERT INTO scan_code (code, store_id, shelf_id)
    SELECT 'B' || lpad(s.n::text, 6, '0') || 'x' || substr(md5(s.store_id::text), 1, 8), s.store_id, sh.id
      FROM bench_s s JOIN shelf sh ON sh.store_id = s.store_id`);
  await db.query('ANALYZE');
  const codes = (await db.query(`SELECT code FROM scan_code WHERE code LIKE 'B%x%' ORDER BY code`)).rows.map(
    (r) => r.code,
  );
  const products = (await db.query(`SELECT product_id, sku_id FROM bench_p ORDER BY n`)).rows;
  return { codes, products, ms: performance.now() - t0 };
}

const b64 = (o) => Buffer.from(JSON.stringify(o)).toString('base64url');

/** A user bearer token exactly as the API issues it (HS256, issuer cloudshelf). */
export function userToken(userId, sessionId) {
  const now = Math.floor(Date.now() / 1000);
  const head = b64({ alg: 'HS256', typ: 'JWT' });
  const body = b64({
    kind: 'user',
    roles: ['consumer'],
    sid: sessionId,
    iat: now,
    exp: now + 6 * 3600,
    iss: 'cloudshelf',
    sub: userId,
    jti: randomUUID(),
  });
  const sig = createHmac('sha256', TOKEN_SECRET).update(`${head}.${body}`).digest('base64url');
  return `${head}.${body}.${sig}`;
}

/** `n` consumers with live sessions, inserted in one statement each; their bearer tokens. */
export async function seedBuyers(db, n, prefix) {
  const { rows } = await db.query(
    `WITH u AS (
       INSERT INTO users (openid, nickname) SELECT $1 || g, '压测买家' || g FROM generate_series(1, $2::int) g RETURNING id)
     INSERT INTO auth_sessions (id, subject_kind, subject_id, refresh_hash, refresh_expires_at)
     SELECT gen_random_uuid(), 'user', u.id, repeat('0', 64), now() + interval '1 day' FROM u
     RETURNING id AS sid, subject_id AS uid`,
    [`bench-${prefix}-`, n],
  );
  return rows.map((r) => ({ userId: r.uid, token: userToken(r.uid, r.sid) }));
}
