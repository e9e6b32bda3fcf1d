import { ResellerService } from './reseller.service';
import { Injectable } from '@nestjs/common';
import { inStoreScope, storeScope } from '../../common/auth/store-scope';
import { Clock } from '../../common/clock';
import { MemberPhones } from '../../common/crypto/member-phones';
import { pageWindow, toPage, type Page, emptyPage } from '../../common/paging';
import type { RequestContext } from '../../common/request-context';
import { TransactionService } from '../../common/transaction.service';
import { BindingEvent } from './entities/binding-event.entity';
import { CustomerBinding } from './entities/customer-binding.entity';

export interface CustomerBindingsView {
  userId: string;
  nickname: string | null;
  phone: string | null;
  storeId: string | null;
  storeName: string | null;
  storeLockExpiresAt: Date | null;
  referrerId: string | null;
  referrerNickname: string | null;
  referrerExpiresAt: Date | null;
  createdAt: Date;
}

interface Row {
  store_name: string | null;
  referrer_nickname: string | null;
  id: string;
  nickname: string | null;
  phone: string | null;
  created_at: Date;
  store_id: string | null;
  store_lock_expires_at: Date | null;
  referrer_id: string | null;
  referrer_expires_at: Date | null;
}

/** The store's and the referrer's names, beside their ids. */
const NAMES = 'LEFT JOIN store s ON s.id = b.store_id LEFT JOIN users ru ON ru.id = b.referrer_id';

/**
 * The admin's (and a reseller's) view of customers and their current bindings.
 * Expired bindings are shown as none. Also what orders read for attribution.
 */
@Injectable()
export class CustomersService {
  constructor(
    private readonly tx: TransactionService,
    private readonly clock: Clock,
    private readonly resellers: ResellerService,
    private readonly phones: MemberPhones,
  ) {}

  /** The customers bound to the caller now (approved resellers only). */
  async listForReseller(
    ctx: RequestContext,
    userId: string,
    q: { page?: number; pageSize?: number },
  ): Promise<Page<CustomerBindingsView>> {
    await this.resellers.assertApproved(ctx, userId);
    return this.list(ctx, { ...q, resellerId: userId });
  }

  async list(
    ctx: RequestContext,
    q: { storeId?: string; resellerId?: string; keyword?: string; page?: number; pageSize?: number },
  ): Promise<Page<CustomerBindingsView>> {
    const now = this.clock.now();
    const scope = storeScope(ctx);
    if (scope?.length === 0) return emptyPage(q);
    const where: string[] = [];
    const params: unknown[] = q.storeId || q.resellerId || scope ? [now] : [];
    if (q.storeId) {
      params.push(q.storeId);
      where.push(`b.store_id = $${params.length} AND b.store_lock_expires_at > $1`);
    }
    if (scope) {
      // A store manager's customers are those locked to one of their stores now.
      params.push(scope);
      where.push(`b.store_id = ANY($${params.length}::uuid[]) AND b.store_lock_expires_at > $1`);
    }
    if (q.resellerId) {
      params.push(q.resellerId);
      where.push(
        // Customers a reseller who is also staff bound through guide links are the guide's, not the reseller's.
        `b.referrer_id = $${params.length} AND b.referrer_store_id IS NULL AND (b.referrer_expires_at IS NULL OR b.referrer_expires_at > $1)`,
      );
    }
    const keyword = q.keyword?.trim();
    if (keyword) {
      // LIKE's own wildcards in the keyword match themselves. Phones are encrypted: a
      // keyword is matched against them only as a whole number, through its keyed hash.
      params.push(`%${keyword.replace(/[\\%_]/g, (c) => `\\${c}`)}%`, this.phones.hash(keyword));
      where.push(`(u.nickname ILIKE $${params.length - 1} OR u.phone_hash = $${params.length})`);
    }
    const from = `FROM users u LEFT JOIN customer_bindings b ON b.user_id = u.id ${where.length ? 'WHERE ' + where.join(' AND ') : ''}`;
    const { skip, take } = pageWindow(q);
    const m = this.tx.manager(ctx);
    const [{ n }]: { n: number }[] = await m.query(`SELECT count(*)::int AS n ${from}`, params);
    const rows: Row[] = await m.query(
      `SELECT u.id, u.nickname, u.phone, u.created_at, b.store_id, b.store_lock_expires_at, b.referrer_id, b.referrer_expires_at,
              s.name AS store_name, ru.nickname AS referrer_nickname
       ${from.replace('WHERE', `${NAMES} WHERE`)}${where.length ? '' : ` ${NAMES}`} ORDER BY u.created_at DESC, u.id LIMIT ${take} OFFSET ${skip}`,
      params,
    );
    return toPage(
      rows.map((r) => this.view(r, now)),
      n,
      q,
    );
  }

  async get(ctx: RequestContext, userId: string): Promise<CustomerBindingsView | null> {
    const rows: Row[] = await this.tx.manager(ctx).query(
      `SELECT u.id, u.nickname, u.phone, u.created_at, b.store_id, b.store_lock_expires_at, b.referrer_id, b.referrer_expires_at,
              s.name AS store_name, ru.nickname AS referrer_nickname
         FROM users u LEFT JOIN customer_bindings b ON b.user_id = u.id ${NAMES} WHERE u.id = $1`,
      [userId],
    );
    const view = rows[0] ? this.view(rows[0], this.clock.now()) : null;
    // Another store's (or an unlocked) customer does not exist for a store manager.
    return view && inStoreScope(ctx, view.storeId) ? view : null;
  }

  /**
   * Active store and referrer of a customer now (for order attribution); `referrerStoreId` is
   * set when the referrer bound them through a guide link of that store.
   */
  async attribution(
    ctx: RequestContext,
    userId: string,
  ): Promise<{ storeId: string | null; resellerId: string | null; referrerStoreId: string | null }> {
    const b = await this.tx.repo(ctx, CustomerBinding).findOneBy({ userId });
    const now = this.clock.now();
    const referrerActive = !!b?.referrerId && (b.referrerExpiresAt === null || b.referrerExpiresAt > now);
    return {
      storeId: b?.storeId && b.storeLockExpiresAt && b.storeLockExpiresAt > now ? b.storeId : null,
      resellerId: referrerActive ? b!.referrerId : null,
      referrerStoreId: referrerActive ? (b!.referrerStoreId ?? null) : null,
    };
  }

  async history(ctx: RequestContext, userId: string): Promise<BindingEvent[]> {
    return this.tx
      .repo(ctx, BindingEvent)
      .find({ where: { userId }, order: { createdAt: 'DESC', id: 'DESC' }, take: 500 });
  }

  private view(r: Row, now: Date): CustomerBindingsView {
    const storeActive = r.store_id && r.store_lock_expires_at && new Date(r.store_lock_expires_at) > now;
    const refActive = r.referrer_id && (!r.referrer_expires_at || new Date(r.referrer_expires_at) > now);
    return {
      userId: r.id,
      nickname: r.nickname,
      phone: this.phones.open(r.phone),
      storeId: storeActive ? r.store_id : null,
      storeName: storeActive ? r.store_name : null,
      storeLockExpiresAt: storeActive ? r.store_lock_expires_at : null,
      referrerId: refActive ? r.referrer_id : null,
      referrerNickname: refActive ? r.referrer_nickname : null,
      referrerExpiresAt: refActive ? r.referrer_expires_at : null,
      createdAt: r.created_at,
    };
  }
}
