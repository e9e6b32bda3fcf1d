import type { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { RequestContext } from '../../common/request-context';
import type { Seeder } from '../../common/seeder';
import { ShippingService, type ShippingTemplateInput } from './checkout/shipping.service';
import { ShippingTemplate } from './entities/shipping-template.entity';

/** The demo's default fee template: what a small shop charges by express, free above ¥199. */
export const SEED_SHIPPING_TEMPLATE: ShippingTemplateInput = {
  name: '默认运费（演示）',
  isDefault: true,
  firstWeightGrams: 1000,
  firstFeeFen: 800,
  extraWeightGrams: 1000,
  extraFeeFen: 300,
  freeOverFen: 19_900,
  regions: [{ provinces: ['新疆维吾尔自治区', '西藏自治区'], firstFeeFen: 2000, extraFeeFen: 1000 }],
};

/** Express must not ship free on a fresh start: a default template unless the operator has one. */
export const ordersSeeder: Seeder = {
  name: 'orders',
  async run(app: INestApplicationContext): Promise<void> {
    if (await app.get(DataSource).getRepository(ShippingTemplate).exists()) return;
    await app.get(ShippingService).create(RequestContext.system('seed'), SEED_SHIPPING_TEMPLATE);
  },
};
