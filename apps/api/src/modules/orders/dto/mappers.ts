import type { OrderView } from '../order-query.service';
import { OrderDto, OrderRemarkDto } from './order.dto';
import type { OrderRemark } from '../entities/order-remark.entity';
import type { ShippingTemplate } from '../entities/shipping-template.entity';
import { ShippingTemplateDto } from '../checkout/checkout.dto';
import type { AfterSale } from '../after-sales/after-sale.entity';
import { AfterSaleDto } from '../after-sales/after-sale.dto';

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);

/** Response mappers of the module: entity or view in, DTO out (the one home for them). */
export function toOrderDto(v: OrderView): OrderDto {
  const o = v.order;
  return {
    id: o.id,
    orderNo: o.orderNo,
    buyerId: o.buyerId,
    channel: o.channel,
    mode: o.mode,
    status: o.status,
    storeId: o.storeId,
    resellerId: o.resellerId,
    goodsFen: o.goodsFen,
    discountFen: o.discountFen,
    shippingFen: o.shippingFen,
    payableFen: o.payableFen,
    paidFen: o.paidAt ? o.payableFen : 0,
    refundedFen: o.refundedFen,
    refundState: o.status === 'REFUNDED' ? 'full' : o.refundedFen > 0 ? 'partial' : 'none',
    address: o.address,
    carrier: o.carrier,
    trackingNo: o.trackingNo,
    pickupCode: o.status === 'AWAITING_PICKUP' ? o.pickupCode : null,
    payDeadline: iso(o.payDeadline),
    paidAt: iso(o.paidAt),
    shippedAt: iso(o.shippedAt),
    completedAt: iso(o.completedAt),
    cancelledAt: iso(o.cancelledAt),
    createdAt: iso(o.createdAt)!,
    lines: v.lines.map((l) => ({
      id: l.id,
      productId: l.productId,
      skuId: l.skuId,
      title: l.title,
      specs: l.specs,
      imageUrl: l.imageUrl,
      priceFen: l.priceFen,
      qty: l.qty,
      amountFen: l.amountFen,
      paidFen: l.paidFen,
      refundedQty: l.refundedQty,
      refundedFen: l.refundedFen,
      afterSaleQty: l.afterSaleQty,
    })),
    history: v.history?.map((h) => ({
      fromStatus: h.fromStatus,
      toStatus: h.toStatus,
      actorKind: h.actorKind,
      actorId: h.actorId,
      reason: h.reason,
      createdAt: iso(h.createdAt)!,
    })),
  };
}

export function toShippingTemplateDto(t: ShippingTemplate): ShippingTemplateDto {
  return {
    id: t.id,
    name: t.name,
    isDefault: t.isDefault,
    firstWeightGrams: t.firstWeightGrams,
    firstFeeFen: t.firstFeeFen,
    extraWeightGrams: t.extraWeightGrams,
    extraFeeFen: t.extraFeeFen,
    freeOverFen: t.freeOverFen,
    regions: t.regions,
    updatedAt: t.updatedAt.toISOString(),
  };
}

export function toAfterSaleDto(a: AfterSale): AfterSaleDto {
  return {
    id: a.id,
    orderId: a.orderId,
    lineId: a.lineId,
    type: a.type,
    qty: a.qty,
    amountFen: a.amountFen,
    shippingRefundFen: a.shippingRefundFen,
    reason: a.reason,
    photos: a.photos,
    status: a.status,
    rejectReason: a.rejectReason,
    createdAt: iso(a.createdAt)!,
  };
}

export function toOrderRemarkDto(r: OrderRemark): OrderRemarkDto {
  return {
    id: r.id,
    orderId: r.orderId,
    adminId: r.adminId,
    text: r.text,
    createdAt: r.createdAt.toISOString(),
  };
}
