import { isStale } from '../../../common/optimistic';
import { Injectable } from '@nestjs/common';
import type { RequestContext } from '../../../common/request-context';
import { TransactionService } from '../../../common/transaction.service';
import { provinceCodeByName, provinceCodeOf, provinceCodeOfRule } from '../../regions/regions';
import { ShippingTemplate, type RegionFee } from '../entities/shipping-template.entity';
import { OrderErrors } from '../orders.errors';

export interface ShippingTemplateInput {
  name: string;
  isDefault?: boolean;
  firstWeightGrams: number;
  firstFeeFen: number;
  extraWeightGrams: number;
  extraFeeFen: number;
  freeOverFen?: number | null;
  regions?: RegionFee[];
  /** Edits only: the optimistic version check (see common/optimistic). */
  expectedUpdatedAt?: string;
}

/** Where a parcel goes, as far as fees care: a region code (preferred) or the province text. */
export interface FeeDestination {
  regionCode?: string | null;
  province?: string | null;
}

/** The destination's province code: from the region code, else from the name (新疆 = 新疆维吾尔自治区). */
export function destinationProvince(to: FeeDestination | string | null | undefined): string | undefined {
  if (!to) return undefined;
  if (typeof to === 'string') return provinceCodeByName(to);
  return provinceCodeOf(to.regionCode) ?? provinceCodeByName(to.province);
}

/**
 * The fee of a parcel under a template (pure; table-tested). Region rules and the destination are
 * compared by province code, so a rule written `新疆` applies to an address in `新疆维吾尔自治区`.
 */
export function shippingFee(
  t: Pick<
    ShippingTemplate,
    'firstWeightGrams' | 'firstFeeFen' | 'extraWeightGrams' | 'extraFeeFen' | 'freeOverFen' | 'regions'
  >,
  weightGrams: number,
  goodsFen: number,
  to: FeeDestination | string | null,
): number {
  if (t.freeOverFen !== null && goodsFen >= t.freeOverFen) return 0;
  const pc = destinationProvince(to);
  const region = pc
    ? t.regions.find((r) => r.provinces.some((p) => provinceCodeOfRule(p) === pc))
    : undefined;
  const first = region?.firstFeeFen ?? t.firstFeeFen;
  const extra = region?.extraFeeFen ?? t.extraFeeFen;
  const over = Math.max(0, weightGrams - t.firstWeightGrams);
  const steps = over > 0 && t.extraWeightGrams > 0 ? Math.ceil(over / t.extraWeightGrams) : 0;
  return first + steps * extra;
}

/** Express fee templates (admin CRUD) and the fee of an order. */
@Injectable()
export class ShippingService {
  constructor(private readonly tx: TransactionService) {}

  list(ctx: RequestContext): Promise<ShippingTemplate[]> {
    return this.tx.repo(ctx, ShippingTemplate).find({ order: { createdAt: 'ASC' } });
  }

  async create(ctx: RequestContext, input: ShippingTemplateInput): Promise<ShippingTemplate> {
    return this.tx.run(ctx, async (c) => {
      const repo = this.tx.repo(c, ShippingTemplate);
      const isDefault = input.isDefault ?? !(await repo.exists());
      if (isDefault) await repo.update({ isDefault: true }, { isDefault: false });
      const { expectedUpdatedAt: _ignored, ...fields } = input;
      return repo.save(
        repo.create({
          ...fields,
          isDefault,
          freeOverFen: input.freeOverFen ?? null,
          regions: input.regions ?? [],
        }),
      );
    });
  }

  async update(
    ctx: RequestContext,
    id: string,
    input: Partial<ShippingTemplateInput>,
  ): Promise<ShippingTemplate> {
    return this.tx.run(ctx, async (c) => {
      const repo = this.tx.repo(c, ShippingTemplate);
      const t = await repo.findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!t) throw OrderErrors.SHIPPING_TEMPLATE_NOT_FOUND();
      const { expectedUpdatedAt, ...changes } = input;
      if (isStale(expectedUpdatedAt, t.updatedAt))
        throw OrderErrors.SHIPPING_TEMPLATE_STALE({ updatedAt: t.updatedAt.toISOString() });
      if (changes.isDefault) await repo.update({ isDefault: true }, { isDefault: false });
      Object.assign(t, changes);
      return repo.save(t);
    });
  }

  async remove(ctx: RequestContext, id: string): Promise<void> {
    const { affected } = await this.tx.repo(ctx, ShippingTemplate).delete({ id });
    if (!affected) throw OrderErrors.SHIPPING_TEMPLATE_NOT_FOUND();
  }

  /** The default template's fee; 0 when the operator set none. */
  async fee(
    ctx: RequestContext,
    weightGrams: number,
    goodsFen: number,
    to: FeeDestination | null,
  ): Promise<number> {
    const t = await this.tx.repo(ctx, ShippingTemplate).findOneBy({ isDefault: true });
    return t ? shippingFee(t, weightGrams, goodsFen, to) : 0;
  }
}
