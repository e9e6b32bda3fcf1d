import { Injectable } from '@nestjs/common';
import { storeScope } from '../../common/auth/store-scope';
import { MemberPhones } from '../../common/crypto/member-phones';
import type { RequestContext } from '../../common/request-context';
import { TransactionService } from '../../common/transaction.service';

export interface UserName {
  id: string;
  nickname: string | null;
  phoneMasked: string | null;
}
export interface OrderName {
  id: string;
  orderNo: string;
  buyerId: string;
  buyerNickname: string | null;
  buyerPhoneMasked: string | null;
}
export interface ProductName {
  id: string;
  title: string;
  coverUrl: string | null;
}
export interface SkuName {
  id: string;
  productId: string;
  title: string;
  specs: Record<string, string>;
  code: string;
}
export interface StoreName {
  id: string;
  name: string;
}

/**
 * Display names for the ids a page of an admin list shows (buyers, earners, stores, orders),
 * answered in one query per kind, so a list of 100 rows costs two queries, not 200.
 *
 * Reads the `users` and `store` tables by primary key only (like identity's store
 * check) instead of importing both modules, which would close a module cycle.
 * A store manager gets names only within their stores: their stores, and users
 * locked to, buying in, owning or working in them; other ids are left out, as if they did not exist.
 */
@Injectable()
export class NamesService {
  constructor(
    private readonly tx: TransactionService,
    private readonly phones: MemberPhones,
  ) {}

  async names(
    ctx: RequestContext,
    q: {
      userIds?: string[];
      storeIds?: string[];
      orderIds?: string[];
      productIds?: string[];
      skuIds?: string[];
      adminIds?: string[];
    },
  ): Promise<{
    users: UserName[];
    stores: StoreName[];
    orders: OrderName[];
    products: ProductName[];
    skus: SkuName[];
    admins: { id: string; username: string; displayName: string | null }[];
  }> {
    const scope = storeScope(ctx);
    const m = this.tx.manager(ctx);
    const userIds = q.userIds ?? [];
    const storeIds = (q.storeIds ?? []).filter((id) => !scope || scope.includes(id));
    const users: { id: string; nickname: string | null; phone: string | null }[] = userIds.length
      ? await m.query(
          scope
            ? `SELECT u.id, u.nickname, u.phone FROM users u
                WHERE u.id = ANY($1::uuid[])
                  AND (EXISTS (SELECT 1 FROM orders o WHERE o.buyer_id = u.id AND o.store_id = ANY($2::uuid[]))
                    OR EXISTS (SELECT 1 FROM customer_bindings b WHERE b.user_id = u.id AND b.store_id = ANY($2::uuid[]))
                    OR EXISTS (SELECT 1 FROM store_member sm WHERE sm.user_id = u.id AND sm.store_id = ANY($2::uuid[]))
                    OR EXISTS (SELECT 1 FROM store s WHERE s.id = ANY($2::uuid[])
                                 AND (s.owner_user_id = u.id OR s.agent_user_id = u.id)))`
            : `SELECT u.id, u.nickname, u.phone FROM users u WHERE u.id = ANY($1::uuid[])`,
          scope ? [userIds, scope] : [userIds],
        )
      : [];
    const stores: StoreName[] = storeIds.length
      ? await m.query(`SELECT id, name FROM store WHERE id = ANY($1::uuid[])`, [storeIds])
      : [];
    const orderIds = q.orderIds ?? [];
    const orders: {
      id: string;
      order_no: string;
      buyer_id: string;
      nickname: string | null;
      phone: string | null;
    }[] = orderIds.length
      ? await m.query(
          `SELECT o.id, o.order_no, o.buyer_id, u.nickname, u.phone
               FROM orders o JOIN users u ON u.id = o.buyer_id
              WHERE o.id = ANY($1::uuid[]) ${scope ? 'AND o.store_id = ANY($2::uuid[])' : ''}`,
          scope ? [orderIds, scope] : [orderIds],
        )
      : [];
    // Catalog names are not store-scoped: every admin role reads the catalog.
    const products: ProductName[] = q.productIds?.length
      ? await m.query(`SELECT id, title, images->>0 AS "coverUrl" FROM product WHERE id = ANY($1::uuid[])`, [
          q.productIds,
        ])
      : [];
    const skus: SkuName[] = q.skuIds?.length
      ? await m.query(
          `SELECT s.id, s.product_id AS "productId", p.title, s.specs, s.code
             FROM sku s JOIN product p ON p.id = s.product_id WHERE s.id = ANY($1::uuid[])`,
          [q.skuIds],
        )
      : [];
    // Colleagues' account names (who did what in the audit log) are not store-scoped.
    const admins: { id: string; username: string; displayName: string | null }[] = q.adminIds?.length
      ? await m.query(
          `SELECT id, username, display_name AS "displayName" FROM admin_users WHERE id = ANY($1::uuid[])`,
          [q.adminIds],
        )
      : [];
    return {
      admins,
      products,
      skus,
      orders: orders.map((o) => ({
        id: o.id,
        orderNo: o.order_no,
        buyerId: o.buyer_id,
        buyerNickname: o.nickname,
        buyerPhoneMasked: this.phones.masked(o.phone),
      })),
      users: users.map((u) => ({ id: u.id, nickname: u.nickname, phoneMasked: this.phones.masked(u.phone) })),
      stores,
    };
  }
}
