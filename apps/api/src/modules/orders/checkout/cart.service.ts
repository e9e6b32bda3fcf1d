import { Injectable } from '@nestjs/common';
import type { RequestContext } from '../../../common/request-context';
import { TransactionService } from '../../../common/transaction.service';
import type { FulfilmentMode } from '../../catalog/entities/product.entity';
import { ProductService } from '../../catalog/product.service';
import { CartItem } from '../entities/cart-item.entity';
import { OrderErrors } from '../orders.errors';

export interface CartItemInput {
  skuId: string;
  qty: number;
  mode: FulfilmentMode;
  storeId?: string;
  scanCode?: string;
}

export interface CartItemView {
  id: string;
  skuId: string;
  productId: string | null;
  title: string | null;
  specs: Record<string, string>;
  imageUrl: string | null;
  /** The current price (the quote decides what is paid). */
  priceFen: number | null;
  available: boolean;
  qty: number;
  mode: FulfilmentMode;
  storeId: string | null;
  scanCode: string | null;
}

const MAX_ITEMS = 100;

/** A user's cart: the same SKU, mode and store add up on one line. */
@Injectable()
export class CartService {
  constructor(
    private readonly tx: TransactionService,
    private readonly products: ProductService,
  ) {}

  async list(ctx: RequestContext, userId: string): Promise<CartItemView[]> {
    const items = await this.tx.repo(ctx, CartItem).find({ where: { userId }, order: { createdAt: 'ASC' } });
    const skus = await Promise.all(items.map((i) => this.products.getSku(ctx, i.skuId).catch(() => null)));
    const products = new Map(
      (
        await this.products.findMany(
          ctx,
          skus.filter((s) => s).map((s) => s!.productId),
        )
      ).map((p) => [p.id, p]),
    );
    return items.map((i, n) => {
      const sku = skus[n];
      const p = sku ? products.get(sku.productId) : undefined;
      return {
        id: i.id,
        skuId: i.skuId,
        productId: p?.id ?? null,
        title: p?.title ?? null,
        specs: sku?.specs ?? {},
        imageUrl: p?.images[0] ?? null,
        priceFen: sku?.priceFen ?? null,
        available: Boolean(p && p.status === 'on_sale' && p.fulfilmentModes.includes(i.mode)),
        qty: i.qty,
        mode: i.mode,
        storeId: i.storeId,
        scanCode: i.scanCode,
      };
    });
  }

  async add(ctx: RequestContext, userId: string, input: CartItemInput): Promise<CartItemView[]> {
    await this.products.getSku(ctx, input.skuId).catch(() => {
      throw OrderErrors.ORDER_SKU_NOT_FOUND({ skuId: input.skuId });
    });
    if (input.mode !== 'express' && !input.storeId) throw OrderErrors.ORDER_STORE_REQUIRED();
    await this.tx.run(ctx, async (c) => {
      const repo = this.tx.repo(c, CartItem);
      const storeId = input.storeId ?? null;
      const same = (await repo.findBy({ userId, skuId: input.skuId, mode: input.mode })).find(
        (i) => i.storeId === storeId,
      );
      if (same) {
        await repo.query(
          `UPDATE cart_item SET qty = LEAST(qty + $2, 999), scan_code = COALESCE($3, scan_code) WHERE id = $1`,
          [same.id, input.qty, input.scanCode ?? null],
        );
      } else {
        if ((await repo.countBy({ userId })) >= MAX_ITEMS)
          throw OrderErrors.CART_ITEM_NOT_FOUND({ reason: 'cart full' });
        await repo.insert({
          userId,
          skuId: input.skuId,
          qty: input.qty,
          mode: input.mode,
          storeId,
          scanCode: input.scanCode ?? null,
        });
      }
    });
    return this.list(ctx, userId);
  }

  async setQty(ctx: RequestContext, userId: string, id: string, qty: number): Promise<CartItemView[]> {
    const { affected } = await this.tx.repo(ctx, CartItem).update({ id, userId }, { qty });
    if (!affected) throw OrderErrors.CART_ITEM_NOT_FOUND();
    return this.list(ctx, userId);
  }

  async remove(ctx: RequestContext, userId: string, id: string): Promise<CartItemView[]> {
    const { affected } = await this.tx.repo(ctx, CartItem).delete({ id, userId });
    if (!affected) throw OrderErrors.CART_ITEM_NOT_FOUND();
    return this.list(ctx, userId);
  }
}
