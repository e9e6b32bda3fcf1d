import { isStale } from '../../common/optimistic';
import { CommonErrors } from '../../common/errors';
import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { inStoreScope, storeScope } from '../../common/auth/store-scope';
import { pageWindow, toPage, type Page, queryPage } from '../../common/paging';
import type { RequestContext } from '../../common/request-context';
import { TransactionService } from '../../common/transaction.service';
import { AuditService } from '../audit/audit.service';
import { UsersService } from '../identity/users.service';
import type {
  AdminStoreDto,
  CreateStoreDto,
  MyStoreDto,
  NearbyQueryDto,
  NearbyStoreDto,
  StaffInviteDto,
  StoreDto,
  StoreListQueryDto,
  StoreMemberDto,
  UpdateStoreDto,
} from './dto/store.dto';
import { randomCode } from './scan-code';
import { StaffInvite } from './entities/staff-invite.entity';
import { StoreMember } from './entities/store-member.entity';
import { Store } from './entities/store.entity';
import { StoresErrors } from './stores.errors';
import { likePattern } from '../catalog/search-text';
import { toStoreDto, toAdminStoreDto } from './dto/mappers';

export const STAFF_INVITE_TTL_MS = 72 * 3600_000;

/** Haversine distance in metres between the row's (lat, lng) and ($1, $2), in SQL. */
export const DISTANCE_SQL = `(2 * 6371008.8 * asin(sqrt(
  power(sin(radians(s.lat - $1::float8) / 2), 2) +
  cos(radians($1::float8)) * cos(radians(s.lat)) * power(sin(radians(s.lng - $2::float8) / 2), 2))))`;
export const BOX_SQL = `s.status = 'active'
  AND s.lat BETWEEN $1::float8 - $3::float8 AND $1::float8 + $3::float8
  AND s.lng BETWEEN $2::float8 - $4::float8 AND $2::float8 + $4::float8`;

/** Stores, their owner and staff. Other modules call `get`, `assertStaff` and `storesOf`. */
@Injectable()
export class StoresService {
  constructor(
    private readonly tx: TransactionService,
    private readonly audit: AuditService,
    private readonly users: UsersService,
  ) {}

  /** A store; for a store manager, only one of theirs (another's is 404 like a missing one). */
  async load(ctx: RequestContext, id: string): Promise<Store> {
    const s = await this.tx.repo(ctx, Store).findOneBy({ id });
    if (!s || !inStoreScope(ctx, s.id)) throw StoresErrors.STORE_NOT_FOUND({ id });
    return s;
  }

  async get(ctx: RequestContext, id: string): Promise<AdminStoreDto> {
    return toAdminStoreDto(await this.load(ctx, id));
  }

  /** For consumers: suspended stores do not exist. */
  async getActive(ctx: RequestContext, id: string): Promise<StoreDto> {
    const s = await this.load(ctx, id);
    if (s.status !== 'active') throw StoresErrors.STORE_NOT_FOUND({ id });
    return toStoreDto(s);
  }

  async create(ctx: RequestContext, dto: CreateStoreDto): Promise<AdminStoreDto> {
    // A store manager runs the stores assigned to them; opening a store is the operator's call.
    if (storeScope(ctx) !== null)
      throw CommonErrors.FORBIDDEN({ reason: 'store managers cannot open stores' });
    return this.tx.run(ctx, async (ctx) => {
      const repo = this.tx.repo(ctx, Store);
      const s = await repo.save(
        repo.create({
          name: dto.name.trim(),
          address: dto.address.trim(),
          city: dto.city ?? null,
          phone: dto.phone ?? null,
          lat: dto.lat,
          lng: dto.lng,
          openingHours: dto.openingHours ?? '',
          ownerUserId: dto.ownerUserId ?? null,
          agentUserId: dto.agentUserId ?? null,
          guideRateBp: dto.guideRateBp ?? null,
          status: 'active',
        }),
      );
      if (s.ownerUserId) await this.setOwner(ctx, s.id, s.ownerUserId);
      if (s.agentUserId) await this.users.addRole(ctx, s.agentUserId, 'agent');
      return toAdminStoreDto(s);
    });
  }

  async update(ctx: RequestContext, id: string, dto: UpdateStoreDto): Promise<AdminStoreDto> {
    return this.tx.run(ctx, async (ctx) => {
      // The row lock makes the version check and the write one step for concurrent editors.
      await this.tx.manager(ctx).query(`SELECT 1 FROM store WHERE id = $1 FOR UPDATE`, [id]);
      const s = await this.load(ctx, id);
      if (isStale(dto.expectedUpdatedAt, s.updatedAt))
        throw StoresErrors.STORE_STALE({ updatedAt: s.updatedAt.toISOString() });
      const before = toAdminStoreDto(s);
      const ownerChanged = dto.ownerUserId !== undefined && dto.ownerUserId !== s.ownerUserId;
      const agentChanged = dto.agentUserId !== undefined && dto.agentUserId !== s.agentUserId;
      // The owner and the agent receive the store's money: changing them is the operator's
      // call (stores:write without a store scope), never a store manager's.
      if ((ownerChanged || agentChanged) && storeScope(ctx) !== null) {
        throw StoresErrors.STORE_PAYEE_CHANGE_FORBIDDEN({
          fields: [...(ownerChanged ? ['ownerUserId'] : []), ...(agentChanged ? ['agentUserId'] : [])],
        });
      }
      Object.assign(s, {
        ...(dto.name !== undefined && { name: dto.name.trim() }),
        ...(dto.address !== undefined && { address: dto.address.trim() }),
        ...(dto.city !== undefined && { city: dto.city || null }),
        ...(dto.phone !== undefined && { phone: dto.phone || null }),
        ...(dto.lat !== undefined && { lat: dto.lat }),
        ...(dto.lng !== undefined && { lng: dto.lng }),
        ...(dto.openingHours !== undefined && { openingHours: dto.openingHours }),
        ...(dto.ownerUserId !== undefined && { ownerUserId: dto.ownerUserId ?? null }),
        ...(dto.agentUserId !== undefined && { agentUserId: dto.agentUserId ?? null }),
        ...(dto.guideRateBp !== undefined && { guideRateBp: dto.guideRateBp ?? null }),
        ...(dto.status !== undefined && { status: dto.status }),
      });
      await this.tx.repo(ctx, Store).save(s);
      if (ownerChanged) await this.setOwner(ctx, id, s.ownerUserId);
      // Appointing an agent makes them an agent earner: the wallet and withdrawals need the role.
      if (agentChanged && s.agentUserId) await this.users.addRole(ctx, s.agentUserId, 'agent');
      const after = toAdminStoreDto(s);
      await this.audit.record(ctx, {
        action: ownerChanged || agentChanged ? 'store.payee_changed' : 'store.updated',
        entityType: 'stores',
        entityId: id,
        before,
        after,
      });
      return after;
    });
  }

  /** The owner is the one `owner` member; the previous owner stays on as staff. */
  private async setOwner(ctx: RequestContext, storeId: string, userId: string | null): Promise<void> {
    const members = this.tx.repo(ctx, StoreMember);
    await members.update({ storeId, role: 'owner' }, { role: 'staff' });
    if (userId) {
      await members.upsert({ storeId, userId, role: 'owner' }, ['storeId', 'userId']);
      await this.users.addRole(ctx, userId, 'store_owner');
    }
  }

  async list(ctx: RequestContext, q: StoreListQueryDto): Promise<Page<AdminStoreDto>> {
    const qb = this.tx.repo(ctx, Store).createQueryBuilder('s');
    const scope = storeScope(ctx);
    if (scope) qb.andWhere('s.id = ANY(:scope::uuid[])', { scope });
    if (q.status) qb.andWhere('s.status = :status', { status: q.status });
    if (q.keyword) {
      qb.andWhere('(s.name ILIKE :kw OR s.address ILIKE :kw)', { kw: likePattern(q.keyword.trim()) });
    }
    return queryPage(qb.orderBy('s.createdAt', 'DESC').addOrderBy('s.id'), q, (rows) =>
      rows.map(toAdminStoreDto),
    );
  }

  /**
   * Active stores within `radiusKm` of a point, nearest first. Haversine in SQL
   * with a bounding-box prefilter; fine for thousands of stores (PostGIS can follow).
   */
  async nearby(ctx: RequestContext, q: NearbyQueryDto): Promise<Page<NearbyStoreDto>> {
    const radiusM = (q.radiusKm ?? 50) * 1000;
    const dLat = radiusM / 111_320;
    const dLng = radiusM / (111_320 * Math.max(Math.cos((q.lat * Math.PI) / 180), 0.01));
    const { skip, take } = pageWindow(q);
    const rows: { id: string; distance_m: number; total: string }[] = await this.tx.manager(ctx).query(
      `SELECT d.*, count(*) OVER () AS total FROM (
         SELECT s.id, ${DISTANCE_SQL} AS distance_m FROM store s WHERE ${BOX_SQL}
       ) d WHERE d.distance_m <= $5::float8
       ORDER BY d.distance_m, d.id LIMIT $6 OFFSET $7`,
      [q.lat, q.lng, dLat, dLng, radiusM, take, skip],
    );
    const n = rows.length ? Number(rows[0].total) : 0;
    const stores = await this.tx.repo(ctx, Store).findBy({ id: In(rows.map((r) => r.id)) });
    const byId = new Map(stores.map((s) => [s.id, s]));
    return toPage(
      rows.map((r) => ({ ...toStoreDto(byId.get(r.id)!), distanceM: Math.round(Number(r.distance_m)) })),
      n,
      q,
    );
  }

  /**
   * Throws STORE_NOT_FOUND (404) unless `userId` is the owner or a staff member of
   * the store, so staff of one store cannot even learn that another exists.
   * Returns the member's role. Other modules (orders: pickup verification) call it.
   */
  async assertStaff(ctx: RequestContext, storeId: string, userId: string): Promise<StoreMember['role']> {
    const m = await this.tx.repo(ctx, StoreMember).findOneBy({ storeId, userId });
    if (!m) throw StoresErrors.STORE_NOT_FOUND({ id: storeId });
    return m.role;
  }

  /** The stores a user works for, with their role. */
  async myStores(ctx: RequestContext, userId: string): Promise<MyStoreDto[]> {
    const members = await this.tx
      .repo(ctx, StoreMember)
      .find({ where: { userId }, order: { createdAt: 'ASC' } });
    const stores = await this.tx.repo(ctx, Store).findBy({ id: In(members.map((m) => m.storeId)) });
    const byId = new Map(stores.map((s) => [s.id, s]));
    return members
      .filter((m) => byId.has(m.storeId))
      .map((m) => ({ ...toStoreDto(byId.get(m.storeId)!), role: m.role }));
  }

  async members(ctx: RequestContext, storeId: string): Promise<StoreMemberDto[]> {
    const rows: { user_id: string; role: StoreMember['role']; nickname: string | null; created_at: Date }[] =
      await this.tx.manager(ctx).query(
        `SELECT m.user_id, m.role, u.nickname, m.created_at
           FROM store_member m LEFT JOIN users u ON u.id = m.user_id
          WHERE m.store_id = $1 ORDER BY m.created_at`,
        [storeId],
      );
    return rows.map((m) => ({
      userId: m.user_id,
      role: m.role,
      nickname: m.nickname,
      joinedAt: new Date(m.created_at).toISOString(),
    }));
  }

  /**
   * The owner removes a staff member (403 for staff, 404 for strangers or a non-member; the
   * owner cannot be removed). Audited; the role goes when they work at no other store.
   */
  async removeStaff(
    ctx: RequestContext,
    storeId: string,
    ownerUserId: string,
    memberUserId: string,
  ): Promise<void> {
    await this.tx.run(ctx, async (ctx) => {
      const role = await this.assertStaff(ctx, storeId, ownerUserId);
      if (role !== 'owner') throw StoresErrors.STORE_NOT_OWNER({ storeId });
      const repo = this.tx.repo(ctx, StoreMember);
      const m = await repo.findOneBy({ storeId, userId: memberUserId });
      if (!m) throw StoresErrors.STAFF_NOT_FOUND({ userId: memberUserId });
      if (m.role === 'owner') throw StoresErrors.STAFF_REMOVE_OWNER();
      await repo.delete({ storeId, userId: memberUserId });
      if (!(await repo.existsBy({ userId: memberUserId, role: 'staff' })))
        await this.users.removeRole(ctx, memberUserId, 'store_staff');
      await this.audit.record(ctx, {
        action: 'store.staff_removed',
        entityType: 'stores',
        entityId: storeId,
        before: { userId: memberUserId, role: m.role },
        after: null,
      });
    });
  }

  /** The active or suspended stores a channel agent looks after. */
  async agentStores(ctx: RequestContext, agentUserId: string): Promise<StoreDto[]> {
    const stores = await this.tx
      .repo(ctx, Store)
      .find({ where: { agentUserId }, order: { createdAt: 'ASC' } });
    return stores.map(toStoreDto);
  }

  /** The owner makes a one-time invite code (valid 72 hours). Staff get 403, strangers 404. */
  async createStaffInvite(
    ctx: RequestContext,
    storeId: string,
    ownerUserId: string,
  ): Promise<StaffInviteDto> {
    return this.tx.run(ctx, async (ctx) => {
      const role = await this.assertStaff(ctx, storeId, ownerUserId);
      if (role !== 'owner') throw StoresErrors.STORE_NOT_OWNER({ storeId });
      const repo = this.tx.repo(ctx, StaffInvite);
      const invite = await repo.save(
        repo.create({
          code: randomCode(12),
          storeId,
          createdByUserId: ownerUserId,
          expiresAt: new Date(Date.now() + STAFF_INVITE_TTL_MS),
        }),
      );
      return { code: invite.code, storeId, expiresAt: invite.expiresAt.toISOString() };
    });
  }

  /**
   * The invitee joins as staff. The invite is consumed by a conditional update, so
   * two people racing for one code cannot both get in.
   */
  async acceptStaffInvite(ctx: RequestContext, code: string, userId: string): Promise<MyStoreDto> {
    return this.tx.run(ctx, async (ctx) => {
      if (!/^[0-9A-Za-z]{1,32}$/.test(code)) throw StoresErrors.STAFF_INVITE_INVALID();
      const invite = await this.tx.repo(ctx, StaffInvite).findOneBy({ code });
      if (!invite) throw StoresErrors.STAFF_INVITE_INVALID();
      const existing = await this.tx.repo(ctx, StoreMember).findOneBy({ storeId: invite.storeId, userId });
      if (existing) throw StoresErrors.STAFF_ALREADY_MEMBER({ storeId: invite.storeId });
      const taken = await this.tx
        .repo(ctx, StaffInvite)
        .createQueryBuilder()
        .update()
        .set({ acceptedByUserId: userId, acceptedAt: () => 'now()' })
        .where('id = :id AND accepted_at IS NULL AND expires_at > now()', { id: invite.id })
        .execute();
      if (!taken.affected) throw StoresErrors.STAFF_INVITE_INVALID();
      await this.tx.repo(ctx, StoreMember).insert({ storeId: invite.storeId, userId, role: 'staff' });
      await this.users.addRole(ctx, userId, 'store_staff');
      const store = await this.load(ctx, invite.storeId);
      return { ...toStoreDto(store), role: 'staff' };
    });
  }
}
