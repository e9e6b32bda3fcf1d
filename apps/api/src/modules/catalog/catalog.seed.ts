import type { INestApplicationContext } from '@nestjs/common';
import { DataSource, IsNull } from 'typeorm';
import { RequestContext } from '../../common/request-context';
import type { Seeder } from '../../common/seeder';
import { CategoryService } from './category.service';
import type { FulfilmentMode } from './entities/product.entity';
import { Category } from './entities/category.entity';
import { Sku } from './entities/sku.entity';
import { ProductService } from './product.service';

type SeedSku = [
  code: string,
  spec: string,
  priceFen: number,
  originalPriceFen: number | null,
  weightGrams: number,
];
interface SeedProduct {
  title: string;
  subtitle?: string;
  category: [root: string, child: string];
  modes: FulfilmentMode[];
  skus: SeedSku[];
  rewardRateBp?: number;
}

const ALL: FulfilmentMode[] = ['express', 'pickup', 'take_away'];
const SHELF: FulfilmentMode[] = ['pickup', 'take_away'];

/** The demo catalog: liquor, tea and snacks a partner store in 杭州 would shelve. Prices in fen. */
export const SEED_PRODUCTS: SeedProduct[] = [
  {
    title: '贵州茅台酒 53度 飞天',
    subtitle: '酱香型 · 500ml',
    category: ['酒水', '白酒'],
    modes: ALL,
    skus: [['BJ-MT-FT-500', '500ml', 149900, 169900, 1100]],
    rewardRateBp: 300,
  },
  {
    title: '五粮液 第八代 52度',
    subtitle: '浓香型 · 500ml',
    category: ['酒水', '白酒'],
    modes: ALL,
    skus: [['BJ-WLY-8-500', '500ml', 109900, 119900, 1100]],
  },
  {
    title: '泸州老窖 国窖1573 52度',
    subtitle: '浓香型',
    category: ['酒水', '白酒'],
    modes: ALL,
    skus: [['BJ-GJ1573-500', '500ml', 99900, 112900, 1100]],
  },
  {
    title: '洋河 梦之蓝 M6+ 52度',
    subtitle: '绵柔型',
    category: ['酒水', '白酒'],
    modes: ALL,
    skus: [['BJ-MZL-M6P-550', '550ml', 69900, 79900, 1200]],
  },
  {
    title: '汾酒 青花20 53度',
    subtitle: '清香型',
    category: ['酒水', '白酒'],
    modes: ALL,
    skus: [['BJ-FJ-QH20-500', '500ml', 45900, 49900, 1100]],
  },
  {
    title: '剑南春 水晶剑 52度',
    subtitle: '浓香型',
    category: ['酒水', '白酒'],
    modes: ALL,
    skus: [['BJ-JNC-SJJ-500', '500ml', 45900, 49800, 1100]],
  },
  {
    title: '郎酒 青花郎 53度',
    subtitle: '酱香型',
    category: ['酒水', '白酒'],
    modes: ALL,
    skus: [['BJ-LJ-QHL-500', '500ml', 109900, null, 1100]],
  },
  {
    title: '西凤酒 15年 52度',
    subtitle: '凤香型',
    category: ['酒水', '白酒'],
    modes: ALL,
    skus: [['BJ-XF-15-500', '500ml', 36900, 39900, 1100]],
  },
  {
    title: '牛栏山 二锅头 陈酿 42度',
    subtitle: '口粮酒',
    category: ['酒水', '白酒'],
    modes: ALL,
    skus: [
      ['BJ-NLS-CN-500', '500ml', 2500, null, 700],
      ['BJ-NLS-CN-500X12', '500ml×12瓶', 26900, 30000, 8400],
    ],
  },
  {
    title: '奔富 Bin 389 赤霞珠设拉子',
    subtitle: '澳大利亚 · 750ml',
    category: ['酒水', '红酒'],
    modes: ALL,
    skus: [['HJ-PF-389-750', '750ml', 69900, 79900, 1400]],
  },
  {
    title: '拉菲传奇 波尔多 干红',
    subtitle: '法国 · 750ml',
    category: ['酒水', '红酒'],
    modes: ALL,
    skus: [['HJ-LF-CQ-750', '750ml', 26900, 29900, 1400]],
  },
  {
    title: '长城 五星 赤霞珠 干红',
    subtitle: '国产 · 750ml',
    category: ['酒水', '红酒'],
    modes: ALL,
    skus: [
      ['HJ-CC-5X-750', '750ml', 12800, 15800, 1400],
      ['HJ-CC-5X-750X6', '750ml×6瓶', 69900, 94800, 8400],
    ],
  },
  {
    title: '张裕 解百纳 特选级 干红',
    subtitle: '烟台 · 750ml',
    category: ['酒水', '红酒'],
    modes: ALL,
    skus: [['HJ-ZY-JBN-750', '750ml', 15800, 18800, 1400]],
  },
  {
    title: '黄尾袋鼠 西拉 红葡萄酒',
    subtitle: '澳大利亚 · 750ml',
    category: ['酒水', '红酒'],
    modes: ALL,
    skus: [['HJ-HWDS-XL-750', '750ml', 7900, 9900, 1400]],
  },
  {
    title: '西湖龙井 明前特级',
    subtitle: '杭州 狮峰山 · 2026 新茶',
    category: ['茶叶', '绿茶'],
    modes: ALL,
    skus: [
      ['CY-XHLJ-MQ-125', '125g', 59900, 69900, 300],
      ['CY-XHLJ-MQ-250', '250g 礼盒', 109900, 129900, 600],
    ],
  },
  {
    title: '安吉白茶 明前一级',
    subtitle: '湖州安吉',
    category: ['茶叶', '绿茶'],
    modes: ALL,
    skus: [['CY-AJBC-1-100', '100g', 29900, 35900, 250]],
  },
  {
    title: '武夷山 大红袍',
    subtitle: '岩茶 · 浓香',
    category: ['茶叶', '乌龙茶'],
    modes: ALL,
    skus: [['CY-DHP-250', '250g', 39900, 45900, 500]],
  },
  {
    title: '安溪铁观音 清香型',
    subtitle: '福建安溪',
    category: ['茶叶', '乌龙茶'],
    modes: ALL,
    skus: [['CY-TGY-QX-250', '250g', 19800, 23800, 450]],
  },
  {
    title: '云南普洱 熟茶饼',
    subtitle: '勐海 · 2019 年',
    category: ['茶叶', '红茶与黑茶'],
    modes: ALL,
    skus: [['CY-PE-SB-357', '357g', 26800, 29800, 400]],
  },
  {
    title: '祁门红茶 特级',
    subtitle: '安徽祁门',
    category: ['茶叶', '红茶与黑茶'],
    modes: ALL,
    skus: [['CY-QMHC-TJ-150', '150g', 18800, 21800, 300]],
  },
  {
    title: '福鼎白茶 白牡丹 茶饼',
    subtitle: '福建福鼎',
    category: ['茶叶', '白茶'],
    modes: ALL,
    skus: [['CY-FDBC-BMD-300', '300g', 32800, 36800, 450]],
  },
  {
    title: '三只松鼠 每日坚果',
    subtitle: '混合坚果 30 袋',
    category: ['零食', '坚果炒货'],
    modes: ALL,
    skus: [
      ['LS-SZSS-MRJG-750', '750g/30袋', 12900, 15900, 900],
      ['LS-SZSS-MRJG-375', '375g/15袋', 6990, 7990, 450],
    ],
  },
  {
    title: '百草味 夏威夷果',
    subtitle: '奶油味 · 送开果器',
    category: ['零食', '坚果炒货'],
    modes: ALL,
    skus: [['LS-BCW-XWYG-200', '200g', 2990, 3990, 230]],
  },
  {
    title: '良品铺子 猪肉脯',
    subtitle: '靖江风味',
    category: ['零食', '肉干肉脯'],
    modes: ALL,
    skus: [['LS-LPPZ-ZRF-200', '200g', 3990, 4990, 230]],
  },
  {
    title: '来伊份 酱鸭脖',
    subtitle: '微辣',
    category: ['零食', '肉干肉脯'],
    modes: SHELF,
    skus: [['LS-LYF-YB-200', '200g', 2990, null, 230]],
  },
  {
    title: '知味观 杭州特产糕点礼盒',
    subtitle: '龙井茶酥 · 桂花糕 · 定胜糕',
    category: ['零食', '糕点'],
    modes: ALL,
    skus: [['LS-ZWG-GD-LH', '礼盒 8 枚', 8800, 9800, 800]],
  },
  {
    title: '徐福记 酥心糖',
    subtitle: '混合口味',
    category: ['零食', '糕点'],
    modes: ALL,
    skus: [['LS-XFJ-SXT-500', '500g', 3590, 3990, 520]],
  },
  {
    title: '旺旺 仙贝',
    subtitle: '家庭装',
    category: ['零食', '膨化食品'],
    modes: ALL,
    skus: [['LS-WW-XB-520', '520g', 2990, 3490, 560]],
  },
  {
    title: '卫龙 大面筋 辣条',
    subtitle: '106g×5 袋',
    category: ['零食', '膨化食品'],
    modes: SHELF,
    skus: [['LS-WL-DMJ-106X5', '106g×5', 1990, 2500, 560]],
  },
  {
    title: '乐事 薯片 原味',
    subtitle: '大包装',
    category: ['零食', '膨化食品'],
    modes: SHELF,
    skus: [['LS-LS-SP-YW-135', '135g', 990, 1190, 150]],
  },
];

const ROOT_ORDER = ['酒水', '茶叶', '零食'];

/** Deterministic demo stock per SKU code (50–249), so re-seeding a fresh database looks the same. */
export function seedQty(code: string, min: number, span: number): number {
  let h = 0;
  for (const ch of code) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
  return min + (h % span);
}

/** Idempotent: adds categories and products that are missing (a product is known by its first SKU code). */
export const catalogSeeder: Seeder = {
  name: 'catalog',
  async run(app: INestApplicationContext): Promise<void> {
    const ctx = RequestContext.system('seed');
    const categories = app.get(CategoryService);
    const products = app.get(ProductService);
    const ds = app.get(DataSource);
    const catRepo = ds.getRepository(Category);
    const categoryId = async (name: string, parentId: string | null, sortOrder: number): Promise<string> => {
      const found = await catRepo.findOneBy({ name, parentId: parentId ?? IsNull() });
      if (found) return found.id;
      return (await categories.create(ctx, { name, parentId: parentId ?? undefined, sortOrder })).id;
    };
    for (const p of SEED_PRODUCTS) {
      if (await ds.getRepository(Sku).existsBy({ code: p.skus[0][0] })) continue;
      const root = await categoryId(p.category[0], null, ROOT_ORDER.indexOf(p.category[0]));
      const child = await categoryId(p.category[1], root, 0);
      const created = await products.create(ctx, {
        title: p.title,
        subtitle: p.subtitle,
        categoryId: child,
        fulfilmentModes: p.modes,
        rewardRateBp: p.rewardRateBp,
        descriptionHtml: `<p>${p.title}</p><p>${p.subtitle ?? ''}</p>`,
        skus: p.skus.map(([code, spec, priceFen, originalPriceFen, weightGrams], i) => ({
          code,
          specs: { 规格: spec },
          priceFen,
          originalPriceFen: originalPriceFen ?? undefined,
          weightGrams,
          stock: seedQty(code, 50, 200),
          sortOrder: i,
        })),
      });
      await products.setStatus(ctx, created.id, 'on_sale');
    }
  },
};
