import { Injectable } from '@nestjs/common';
import { RequestContext } from '../../common/request-context';
import { TransactionService } from '../../common/transaction.service';
import { resolveRegion } from '../regions/regions';
import { AddressErrors } from './addresses.errors';
import type { AddressInputDto, AddressPatchDto } from './dto/address.dto';
import { UserAddress } from './entities/user-address.entity';

/** Like 有赞 and 京东: a handful of addresses is plenty; 20 stops runaway clients. */
export const MAX_ADDRESSES = 20;

/**
 * The consumer's address book. Region codes are validated against the dataset and the names come
 * from it (never from the client), so an address always carries the canonical province for fees.
 * Exactly one default whenever the book is not empty.
 */
@Injectable()
export class AddressesService {
  constructor(private readonly tx: TransactionService) {}

  private region(code: string) {
    const r = resolveRegion(code);
    if (!r) throw AddressErrors.ADDRESS_REGION_INVALID({ regionCode: code });
    return r;
  }

  /** Default first, then newest. */
  list(ctx: RequestContext, userId: string): Promise<UserAddress[]> {
    return this.tx
      .repo(ctx, UserAddress)
      .find({ where: { userId }, order: { isDefault: 'DESC', createdAt: 'DESC' } });
  }

  async get(ctx: RequestContext, userId: string, id: string): Promise<UserAddress> {
    const a = await this.tx.repo(ctx, UserAddress).findOne({ where: { id, userId } });
    if (!a) throw AddressErrors.ADDRESS_NOT_FOUND();
    return a;
  }

  create(ctx: RequestContext, userId: string, input: AddressInputDto): Promise<UserAddress> {
    const r = this.region(input.regionCode);
    return this.tx.run(ctx, async (ctx) => {
      const repo = this.tx.repo(ctx, UserAddress);
      // Serialise one user's address writes so "first one is default" and the cap hold under races.
      await this.tx.manager(ctx).query('SELECT pg_advisory_xact_lock(hashtext($1))', [`address:${userId}`]);
      const count = await repo.count({ where: { userId } });
      if (count >= MAX_ADDRESSES) throw AddressErrors.ADDRESS_LIMIT_REACHED({ max: MAX_ADDRESSES });
      const makeDefault = count === 0 || input.isDefault === true;
      if (makeDefault) await repo.update({ userId, isDefault: true }, { isDefault: false });
      return repo.save(
        repo.create({
          userId,
          name: input.name.trim(),
          phone: input.phone.trim(),
          ...r,
          detail: input.detail.trim(),
          isDefault: makeDefault,
        }),
      );
    });
  }

  update(ctx: RequestContext, userId: string, id: string, input: AddressPatchDto): Promise<UserAddress> {
    const r = input.regionCode ? this.region(input.regionCode) : undefined;
    return this.tx.run(ctx, async (ctx) => {
      const repo = this.tx.repo(ctx, UserAddress);
      await this.tx.manager(ctx).query('SELECT pg_advisory_xact_lock(hashtext($1))', [`address:${userId}`]);
      const a = await this.get(ctx, userId, id);
      if (input.name !== undefined) a.name = input.name.trim();
      if (input.phone !== undefined) a.phone = input.phone.trim();
      if (input.detail !== undefined) a.detail = input.detail.trim();
      if (r) Object.assign(a, r);
      if (input.isDefault === true && !a.isDefault) {
        await repo.update({ userId, isDefault: true }, { isDefault: false });
        a.isDefault = true;
      }
      return repo.save(a);
    });
  }

  /** Deleting the default promotes the newest remaining address. */
  remove(ctx: RequestContext, userId: string, id: string): Promise<void> {
    return this.tx.run(ctx, async (ctx) => {
      const repo = this.tx.repo(ctx, UserAddress);
      await this.tx.manager(ctx).query('SELECT pg_advisory_xact_lock(hashtext($1))', [`address:${userId}`]);
      const a = await this.get(ctx, userId, id);
      await repo.delete({ id: a.id });
      if (a.isDefault) {
        const next = await repo.findOne({ where: { userId }, order: { createdAt: 'DESC' } });
        if (next) await repo.update({ id: next.id }, { isDefault: true });
      }
    });
  }
}
