import { randomUUID } from 'node:crypto';
import { RequestContext } from '../../src/common/request-context';
import { TransactionService } from '../../src/common/transaction.service';
import { bootTestApp, type TestApp } from '../app';
import { adminToken, userToken } from '../factories/auth.factory';
import { newProduct, skuInput } from '../factories/catalog.factory';
import { newShelf, newStore, putStoreStock } from '../factories/stores.factory';
import { ProductService } from '../../src/modules/catalog/product.service';
import { StoreLockScanListener } from '../../src/modules/referral/store-lock.scan-listener';
import type { ScanEvent } from '../../src/modules/stores/stores.ports';
import { StoreStockService } from '../../src/modules/stores/store-stock.service';

/** Watches the referral module's store lock: records what it is told, inside the scan transaction. */
const heard: { event: ScanEvent; inTransaction: boolean }[] = [];

describe('stores e2e: stores, nearby, stock, shelves, scan codes, staff', () => {
  let t: TestApp;
  let op: string;
  let listener: StoreLockScanListener;
  const auth = (token: string) => ({ Authorization: `Bearer ${token}` });

  beforeAll(async () => {
    t = await bootTestApp();
    // The real listener (the store lock), watched: what it hears and whether inside the scan's transaction.
    listener = t.app.get(StoreLockScanListener);
    const lock = listener.onScan.bind(listener);
    jest.spyOn(listener, 'onScan').mockImplementation(async (ctx, event) => {
      heard.push({ event, inTransaction: Boolean(ctx.manager?.queryRunner?.isTransactionActive) });
      return lock(ctx, event);
    });
    op = await adminToken(t, ['operator']);
  });
  afterAll(() => t.close());

  describe('admin CRUD', () => {
    it('creates, lists, updates and suspends a store; validates input', async () => {
      const owner = randomUUID();
      const created = await t.http
        .post('/api/admin/stores')
        .set(auth(op))
        .send({
          name: '湖滨银泰店',
          address: '杭州市上城区东坡路7号',
          city: '杭州',
          lat: 30.2573,
          lng: 120.1631,
          openingHours: '10:00-22:00',
          ownerUserId: owner,
        })
        .expect(201);
      expect(created.body).toMatchObject({ status: 'active', ownerUserId: owner, agentUserId: null });
      const id = created.body.id;

      const bad = await t.http
        .post('/api/admin/stores')
        .set(auth(op))
        .send({ name: '', address: 'x', lat: 91, lng: 'east', ownerUserId: 'bob' })
        .expect(400);
      expect(bad.body.code).toBe('VALIDATION_FAILED');
      expect(bad.body.details.fields.map((f: { field: string }) => f.field).sort()).toEqual(
        ['lat', 'lng', 'name', 'ownerUserId'].sort(),
      );

      const agent = randomUUID();
      const upd = await t.http
        .patch(`/api/admin/stores/${id}`)
        .set(auth(op))
        .send({ agentUserId: agent, status: 'suspended' })
        .expect(200);
      expect(upd.body).toMatchObject({ agentUserId: agent, status: 'suspended' });
      await t.http.patch(`/api/admin/stores/${id}`).set(auth(op)).send({ status: 'closed' }).expect(400);

      const list = await t.http
        .get('/api/admin/stores')
        .query({ keyword: '湖滨', status: 'suspended' })
        .set(auth(op))
        .expect(200);
      expect(list.body).toMatchObject({ total: 1, items: [expect.objectContaining({ id })] });
      const members = await t.http.get(`/api/admin/stores/${id}/members`).set(auth(op)).expect(200);
      expect(members.body.items).toEqual([expect.objectContaining({ userId: owner, role: 'owner' })]);
      await t.http.get(`/api/app/stores/${id}`).expect(404);
      await t.http.get(`/api/admin/stores/${randomUUID()}`).set(auth(op)).expect(404);
      await t.http
        .get('/api/admin/stores')
        .set(auth(await userToken(t)))
        .expect(401);
    });
  });

  describe('nearby', () => {
    it('lists active stores nearest first with distances, within the radius', async () => {
      // Around 杭州 West Lake; the query point is 断桥 (30.2593, 120.1527).
      const far = await newStore(t, { name: '萧山店', lat: 30.1847, lng: 120.2646 });
      const near = await newStore(t, { name: '北山街店', lat: 30.2601, lng: 120.153 });
      const mid = await newStore(t, { name: '武林店', lat: 30.2741, lng: 120.1655 });
      const suspended = await newStore(t, { name: '暂停店', lat: 30.2594, lng: 120.1528 });
      await t.http
        .patch(`/api/admin/stores/${suspended.id}`)
        .set(auth(op))
        .send({ status: 'suspended' })
        .expect(200);
      await newStore(t, { name: '上海店', lat: 31.2304, lng: 121.4737 });

      const res = await t.http
        .get('/api/app/stores/nearby')
        .query({ lat: 30.2593, lng: 120.1527 })
        .expect(200);
      const ids = res.body.items.map((s: { id: string }) => s.id);
      expect(ids).not.toContain(suspended.id);
      expect(ids.indexOf(near.id)).toBe(0);
      expect(ids.indexOf(mid.id)).toBeLessThan(ids.indexOf(far.id));
      expect(res.body.items.map((s: { name: string }) => s.name)).not.toContain('上海店');
      const d = res.body.items.map((s: { distanceM: number }) => s.distanceM);
      expect([...d].sort((a, b) => a - b)).toEqual(d);
      expect(d[0]).toBeGreaterThan(50);
      expect(d[0]).toBeLessThan(150); // ~93 m
      const farRow = res.body.items.find((s: { id: string }) => s.id === far.id);
      expect(farRow.distanceM).toBeGreaterThan(13000);
      expect(farRow.distanceM).toBeLessThan(14500);

      const small = await t.http
        .get('/api/app/stores/nearby')
        .query({ lat: 30.2593, lng: 120.1527, radiusKm: 3, pageSize: 1 })
        .expect(200);
      expect(small.body).toMatchObject({
        total: 2,
        pageSize: 1,
        items: [expect.objectContaining({ id: near.id })],
      });
      const wide = await t.http
        .get('/api/app/stores/nearby')
        .query({ lat: 30.2593, lng: 120.1527, radiusKm: 500 });
      expect(wide.body.items.map((s: { name: string }) => s.name)).toContain('上海店');
      const bad = await t.http.get('/api/app/stores/nearby').query({ lat: 'x' }).expect(400);
      expect(bad.body.details.fields.map((f: { field: string }) => f.field).sort()).toEqual(['lat', 'lng']);
    });
  });

  describe('store stock', () => {
    it('100 concurrent reservations of 1 against stock 37: exactly 37 succeed, stock ends at 0', async () => {
      const store = await newStore(t);
      const p = await newProduct(t);
      const skuId = p.skus[0].id;
      await putStoreStock(t, store.id, skuId, 37);
      const stock = t.app.get(StoreStockService);
      const tx = t.app.get(TransactionService);
      const results = await Promise.allSettled(
        Array.from({ length: 100 }, (_, i) =>
          tx.run(RequestContext.system(`buyer-${i}`), (ctx) =>
            stock.reserveStoreStock(ctx, store.id, skuId, 1, { refId: `order-${i}` }),
          ),
        ),
      );
      const ok = results.filter((r) => r.status === 'fulfilled');
      const failed = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
      expect(ok).toHaveLength(37);
      expect(new Set(failed.map((f) => (f.reason as { code?: string }).code))).toEqual(
        new Set(['STORE_STOCK_INSUFFICIENT']),
      );
      expect((await stock.quantities(RequestContext.system('t'), store.id, [skuId])).get(skuId)).toBe(0);
      // Every success left one movement; the remaining quantities are 36 … 0, each exactly once.
      const log = await t.http
        .get(`/api/admin/stores/${store.id}/stock-movements`)
        .query({ pageSize: 100 })
        .set(auth(op))
        .expect(200);
      const reserves = log.body.items.filter((m: { reason: string }) => m.reason === 'order_reserve');
      expect(reserves).toHaveLength(37);
      expect(
        reserves.map((m: { qtyAfter: number }) => m.qtyAfter).sort((a: number, b: number) => a - b),
      ).toEqual(Array.from({ length: 37 }, (_, i) => i));
    });

    it('100 concurrent reservations of 3 against stock 50: exactly 16 succeed, 2 left; release restores', async () => {
      const store = await newStore(t);
      const p = await newProduct(t);
      const skuId = p.skus[0].id;
      await putStoreStock(t, store.id, skuId, 50);
      const stock = t.app.get(StoreStockService);
      const results = await Promise.allSettled(
        Array.from({ length: 100 }, (_, i) =>
          stock.reserveStoreStock(RequestContext.system(`buyer-${i}`), store.id, skuId, 3),
        ),
      );
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(16);
      const ctx = RequestContext.system('t');
      expect((await stock.quantities(ctx, store.id, [skuId])).get(skuId)).toBe(2);
      expect(await stock.releaseStoreStock(ctx, store.id, skuId, 3)).toBe(5);
    });

    it('admin adjustments: never below zero, unknown SKU 404, movement log with actor', async () => {
      const store = await newStore(t);
      const p = await newProduct(t);
      const skuId = p.skus[0].id;
      const add = await t.http
        .post(`/api/admin/stores/${store.id}/stock-adjustments`)
        .set(auth(op))
        .send({ skuId, delta: 4, note: '上架' })
        .expect(201);
      expect(add.body.items).toEqual([expect.objectContaining({ skuId, qty: 4, productId: p.id })]);
      const under = await t.http
        .post(`/api/admin/stores/${store.id}/stock-adjustments`)
        .set(auth(op))
        .send({ skuId, delta: -5 })
        .expect(409);
      expect(under.body).toMatchObject({ code: 'STORE_STOCK_INSUFFICIENT', details: { available: 4 } });
      const never = await t.http
        .post(`/api/admin/stores/${store.id}/stock-adjustments`)
        .set(auth(op))
        .send({ skuId: randomUUID(), delta: 1 })
        .expect(404);
      expect(never.body.code).toBe('SKU_NOT_FOUND');
      await t.http
        .post(`/api/admin/stores/${store.id}/stock-adjustments`)
        .set(auth(op))
        .send({ skuId, delta: 1.5 })
        .expect(400);
      const log = await t.http.get(`/api/admin/stores/${store.id}/stock-movements`).set(auth(op)).expect(200);
      expect(log.body.items).toEqual([
        expect.objectContaining({
          delta: 4,
          qtyAfter: 4,
          reason: 'adjust',
          note: '上架',
          actorKind: 'admin',
        }),
      ]);
    });
  });

  describe('shelves, scan codes and scan resolution', () => {
    let store: Awaited<ReturnType<typeof newStore>>;
    let shelf: Awaited<ReturnType<typeof newShelf>>;
    let maotai: Awaited<ReturnType<typeof newProduct>>;
    let tea: Awaited<ReturnType<typeof newProduct>>;

    beforeAll(async () => {
      store = await newStore(t, { name: '西湖文化广场店' });
      maotai = await newProduct(t, {
        title: '贵州茅台酒 53度',
        fulfilmentModes: ['express', 'pickup', 'take_away'],
        skus: [skuInput({ priceFen: 149900, stock: 0 }), skuInput({ priceFen: 299900, stock: 3 })],
      });
      tea = await newProduct(t, { title: '西湖龙井', fulfilmentModes: ['take_away'] });
      const draft = await newProduct(t, { title: '下架商品', onSale: false });
      shelf = await newShelf(t, store.id, [maotai.id, draft.id, tea.id]);
      await putStoreStock(t, store.id, maotai.skus[0].id, 6);
    });

    it('gives every new shelf an opaque code and keeps slots ordered', async () => {
      expect(shelf.code).toMatch(/^[0-9A-Za-z]{16}$/);
      expect(shelf.slots.map((s) => s.position)).toEqual([0, 1, 2]);
      const res = await t.http.get(`/api/admin/stores/${store.id}/shelves`).set(auth(op)).expect(200);
      expect(res.body).toMatchObject({
        total: 1,
        items: [expect.objectContaining({ id: shelf.id, code: shelf.code })],
      });
      const bad = await t.http
        .put(`/api/admin/shelves/${shelf.id}/slots`)
        .set(auth(op))
        .send({ slots: [{ productId: maotai.id, skuId: tea.skus[0].id }] })
        .expect(404);
      expect(bad.body.code).toBe('SKU_NOT_FOUND');
    });

    it('resolves an active code: store, shelf, on-sale products in order, store stock and modes', async () => {
      const res = await t.http.get(`/api/app/scan/${shelf.code}`).expect(200);
      expect(res.body).toMatchObject({
        code: shelf.code,
        store: { id: store.id, name: '西湖文化广场店' },
        shelf: { id: shelf.id, name: 'A1 白酒柜' },
        slotId: null,
      });
      expect(res.body.store.ownerUserId).toBeUndefined();
      expect(res.body.items.map((i: { title: string }) => i.title)).toEqual(['贵州茅台酒 53度', '西湖龙井']);
      const [m, teaItem] = res.body.items;
      expect(m.modes).toEqual(['express', 'pickup', 'take_away']);
      expect(m.skus).toEqual([
        expect.objectContaining({
          priceFen: 149900,
          storeStock: 6,
          platformStock: 0,
          availableModes: ['pickup', 'take_away'],
        }),
        expect.objectContaining({
          priceFen: 299900,
          storeStock: 0,
          platformStock: 3,
          availableModes: ['express'],
        }),
      ]);
      expect(teaItem.skus[0]).toMatchObject({ storeStock: 0, availableModes: [] });
    });

    it('issues a slot code that shows only that slot; one active code per target', async () => {
      const slot = shelf.slots[2];
      const issued = await t.http
        .post('/api/admin/scan-codes')
        .set(auth(op))
        .send({ shelfId: shelf.id, slotId: slot.id })
        .expect(201);
      const again = await t.http
        .post('/api/admin/scan-codes')
        .set(auth(op))
        .send({ shelfId: shelf.id, slotId: slot.id })
        .expect(409);
      expect(again.body.code).toBe('SCAN_CODE_ALREADY_ACTIVE');
      const res = await t.http.get(`/api/app/scan/${issued.body.code}`).expect(200);
      expect(res.body.slotId).toBe(slot.id);
      expect(res.body.items.map((i: { productId: string }) => i.productId)).toEqual([tea.id]);
    });

    it('answers unknown codes 404 SCAN_CODE_NOT_FOUND and disabled ones 410 SCAN_CODE_DISABLED; re-issue never reuses', async () => {
      expect((await t.http.get('/api/app/scan/NoSuchCode123').expect(404)).body.code).toBe(
        'SCAN_CODE_NOT_FOUND',
      );
      expect((await t.http.get('/api/app/scan/bad-code!').expect(404)).body.code).toBe('SCAN_CODE_NOT_FOUND');
      expect((await t.http.get(`/api/app/scan/${'A'.repeat(40)}`).expect(404)).body.code).toBe(
        'SCAN_CODE_NOT_FOUND',
      );

      const shelf2 = await newShelf(t, store.id, [tea.id], 'B2 茶叶架');
      const codes = await t.http
        .get(`/api/admin/stores/${store.id}/scan-codes`)
        .query({ status: 'active' })
        .set(auth(op))
        .expect(200);
      const old = codes.body.items.find((c: { code: string }) => c.code === shelf2.code);
      const fresh = await t.http.post(`/api/admin/scan-codes/${old.id}/reissue`).set(auth(op)).expect(201);
      expect(fresh.body.code).not.toBe(old.code);
      expect(fresh.body).toMatchObject({ shelfId: shelf2.id, status: 'active' });
      const gone = await t.http.get(`/api/app/scan/${old.code}`).expect(410);
      expect(gone.body).toMatchObject({ code: 'SCAN_CODE_DISABLED', details: { reason: 'code_disabled' } });
      await t.http.get(`/api/app/scan/${fresh.body.code}`).expect(200);
      const all = await t.http.get(`/api/admin/stores/${store.id}/scan-codes`).set(auth(op)).expect(200);
      expect(all.body.items.find((c: { id: string }) => c.id === old.id)).toMatchObject({
        status: 'disabled',
        replacedById: fresh.body.id,
      });
      // Disabling twice is harmless; the code stays dead.
      await t.http.post(`/api/admin/scan-codes/${fresh.body.id}/disable`).set(auth(op)).expect(201);
      await t.http.post(`/api/admin/scan-codes/${fresh.body.id}/disable`).set(auth(op)).expect(201);
      await t.http.get(`/api/app/scan/${fresh.body.code}`).expect(410);
    });

    it('a suspended store’s codes answer SCAN_CODE_DISABLED', async () => {
      const s = await newStore(t, { name: '将暂停店' });
      const sh = await newShelf(t, s.id, [tea.id]);
      await t.http.get(`/api/app/scan/${sh.code}`).expect(200);
      await t.http.patch(`/api/admin/stores/${s.id}`).set(auth(op)).send({ status: 'suspended' }).expect(200);
      const res = await t.http.get(`/api/app/scan/${sh.code}`).expect(410);
      expect(res.body.details.reason).toBe('store_suspended');
    });

    it('logs every resolution with the user when a valid token is present, and calls the scan listener', async () => {
      const userId = randomUUID();
      heard.length = 0;
      await t.http
        .get(`/api/app/scan/${shelf.code}`)
        .set(auth(await userToken(t, userId)))
        .expect(200);
      await t.http
        .get(`/api/app/scan/${shelf.code}`)
        .set('Authorization', 'Bearer forged.token.here')
        .expect(200);
      await t.http
        .get(`/api/app/scan/${shelf.code}`)
        .set(auth(await adminToken(t, ['admin'])))
        .expect(200);
      await t.http
        .get('/api/app/scan/Unknown42')
        .set(auth(await userToken(t, userId)))
        .expect(404);
      expect(heard).toEqual([
        {
          event: { userId, storeId: store.id, scanCodeId: expect.any(String), code: shelf.code },
          // The listener opens its own transaction only when it changes something.
          inTransaction: false,
        },
      ]);

      const logs = await t.http.get('/api/admin/scan-logs').query({ userId }).set(auth(op)).expect(200);
      expect(logs.body.items.map((l: { result: string; code: string }) => [l.result, l.code])).toEqual([
        ['not_found', 'Unknown42'],
        ['resolved', shelf.code],
      ]);
      expect(logs.body.items[1]).toMatchObject({ storeId: store.id, shelfId: shelf.id, userId });
      const byStore = await t.http
        .get('/api/admin/scan-logs')
        .query({ storeId: store.id, pageSize: 100 })
        .set(auth(op));
      const results = byStore.body.items.map((l: { result: string }) => l.result);
      expect(results).toEqual(expect.arrayContaining(['resolved', 'disabled']));
      const anonymous = byStore.body.items.filter((l: { userId: string | null }) => l.userId === null);
      expect(anonymous.length).toBeGreaterThanOrEqual(2); // the forged and the admin token count as anonymous
    });

    it('a failing listener fails the scan and rolls back its log row', async () => {
      const before = (await t.http.get('/api/admin/scan-logs').query({ storeId: store.id }).set(auth(op)))
        .body.total;
      (listener.onScan as jest.Mock).mockRejectedValueOnce(new Error('lock store down'));
      await t.http
        .get(`/api/app/scan/${shelf.code}`)
        .set(auth(await userToken(t)))
        .expect(500);
      const after = (await t.http.get('/api/admin/scan-logs').query({ storeId: store.id }).set(auth(op))).body
        .total;
      expect(after).toBe(before);
    });

    it('removing a slot disables its code', async () => {
      const sh = await newShelf(t, store.id, [maotai.id, tea.id], 'C3');
      const slotCode = await t.http
        .post('/api/admin/scan-codes')
        .set(auth(op))
        .send({ shelfId: sh.id, slotId: sh.slots[1].id })
        .expect(201);
      const kept = await t.http
        .put(`/api/admin/shelves/${sh.id}/slots`)
        .set(auth(op))
        .send({ slots: [{ productId: maotai.id }] })
        .expect(200);
      expect(kept.body.slots).toEqual([expect.objectContaining({ id: sh.slots[0].id, position: 0 })]);
      await t.http.get(`/api/app/scan/${slotCode.body.code}`).expect(410);
    });

    it('an off-sale product disappears from the shelf page', async () => {
      await t.app.get(ProductService).setStatus(RequestContext.system('t'), tea.id, 'off_sale');
      const res = await t.http.get(`/api/app/scan/${shelf.code}`).expect(200);
      expect(res.body.items.map((i: { productId: string }) => i.productId)).toEqual([maotai.id]);
      await t.app.get(ProductService).setStatus(RequestContext.system('t'), tea.id, 'on_sale');
    });
  });

  describe('staff', () => {
    it('owner invites staff with a one-time code; members see only their own stores (404 elsewhere)', async () => {
      const ownerA = randomUUID();
      const ownerB = randomUUID();
      const staff = randomUUID();
      const a = await newStore(t, { name: '门店A', ownerUserId: ownerA });
      const b = await newStore(t, { name: '门店B', ownerUserId: ownerB });
      const p = await newProduct(t);
      await putStoreStock(t, a.id, p.skus[0].id, 3);
      await putStoreStock(t, b.id, p.skus[0].id, 9);

      // Only the owner can invite; a stranger learns nothing about the store.
      expect(
        (
          await t.http
            .post(`/api/app/stores/${a.id}/staff-invites`)
            .set(auth(await userToken(t, staff)))
            .expect(404)
        ).body.code,
      ).toBe('STORE_NOT_FOUND');
      const invite = await t.http
        .post(`/api/app/stores/${a.id}/staff-invites`)
        .set(auth(await userToken(t, ownerA)))
        .expect(201);
      expect(invite.body.code).toMatch(/^[0-9A-Za-z]{12}$/);

      const joined = await t.http
        .post(`/api/app/staff-invites/${invite.body.code}/accept`)
        .set(auth(await userToken(t, staff)))
        .expect(201);
      expect(joined.body).toMatchObject({ id: a.id, role: 'staff' });
      // One-time: nobody can use it again.
      const reuse = await t.http
        .post(`/api/app/staff-invites/${invite.body.code}/accept`)
        .set(auth(await userToken(t, randomUUID())))
        .expect(404);
      expect(reuse.body.code).toBe('STAFF_INVITE_INVALID');
      await t.http
        .post('/api/app/staff-invites/nope/accept')
        .set(auth(await userToken(t, staff)))
        .expect(404);
      // Staff cannot invite.
      expect(
        (
          await t.http
            .post(`/api/app/stores/${a.id}/staff-invites`)
            .set(auth(await userToken(t, staff)))
            .expect(403)
        ).body.code,
      ).toBe('STORE_NOT_OWNER');

      const mine = await t.http
        .get('/api/app/my-stores')
        .set(auth(await userToken(t, staff)))
        .expect(200);
      expect(mine.body.items).toEqual([expect.objectContaining({ id: a.id, role: 'staff' })]);
      const stockA = await t.http
        .get(`/api/app/my-stores/${a.id}/stock`)
        .set(auth(await userToken(t, staff)))
        .expect(200);
      expect(stockA.body.items).toEqual([expect.objectContaining({ qty: 3 })]);
      const members = await t.http
        .get(`/api/app/my-stores/${a.id}/members`)
        .set(auth(await userToken(t, staff)))
        .expect(200);
      expect(members.body.items.map((m: { role: string }) => m.role).sort()).toEqual(['owner', 'staff']);

      // Staff (and the owner) of A get 404 for B, exactly as for a store that does not exist.
      const other = await t.http
        .get(`/api/app/my-stores/${b.id}/stock`)
        .set(auth(await userToken(t, staff)))
        .expect(404);
      const none = await t.http
        .get(`/api/app/my-stores/${randomUUID()}/stock`)
        .set(auth(await userToken(t, staff)))
        .expect(404);
      expect([other.body.code, other.body.message]).toEqual([none.body.code, none.body.message]);
      await t.http
        .get(`/api/app/my-stores/${b.id}/members`)
        .set(auth(await userToken(t, ownerA)))
        .expect(404);
      await t.http
        .get(`/api/app/my-stores/${b.id}/stock`)
        .set(auth(await userToken(t, ownerB)))
        .expect(200);
      await t.http.get('/api/app/my-stores').expect(401);
    });

    it('two people racing for one invite: exactly one joins', async () => {
      const owner = randomUUID();
      const s = await newStore(t, { ownerUserId: owner });
      const invite = await t.http
        .post(`/api/app/stores/${s.id}/staff-invites`)
        .set(auth(await userToken(t, owner)))
        .expect(201);
      const racers = await Promise.all(Array.from({ length: 10 }, () => userToken(t, randomUUID())));
      const results = await Promise.all(
        racers.map((token) =>
          t.http.post(`/api/app/staff-invites/${invite.body.code}/accept`).set(auth(token)),
        ),
      );
      expect(results.filter((r) => r.status === 201)).toHaveLength(1);
      expect(new Set(results.filter((r) => r.status !== 201).map((r) => r.body.code))).toEqual(
        new Set(['STAFF_INVITE_INVALID']),
      );
    });
  });
});
