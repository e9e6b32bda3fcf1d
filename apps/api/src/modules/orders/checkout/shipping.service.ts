import { Injectable } from '@nestjs/common';
import type { RequestContext } from '../../../common/request-context';
import { TransactionService } from '../../../common/transaction.service';
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
}

/** The fee of a parcel under a template (pure; table-tested). */
export function shippingFee(
  t: Pick<
    ShippingTemplate,
    'firstWeightGrams' | 'firstFeeFen' | 'extraWeightGrams' | 'extraFeeFen' | 'freeOverFen' | 'regions'
  >,
  weightGrams: number,
  goodsFen: number,
  province: string | null,
): number {
  if (t.freeOverFen !== null && goodsFen >= t.freeOverFen) return 0;
  const region = province ? t.regions.find((r) => r.provinces.includes(province)) : undefined;
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
      return repo.save(
        repo.create({
          ...input,
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
      const t = await repo.findOneBy({ id });
      if (!t) throw OrderErrors.SHIPPING_TEMPLATE_NOT_FOUND();
      if (input.isDefault) await repo.update({ isDefault: true }, { isDefault: false });
      Object.assign(t, input);
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
    province: string | null,
  ): Promise<number> {
    const t = await this.tx.repo(ctx, ShippingTemplate).findOneBy({ isDefault: true });
    return t ? shippingFee(t, weightGrams, goodsFen, province) : 0;
  }
}
