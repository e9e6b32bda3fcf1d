import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import { createCanvas, GlobalFonts, loadImage, type Image, type SKRSContext2D } from '@napi-rs/canvas';
import { formatYuan } from '@cloudshelf/money';
import * as fs from 'node:fs';
import type { RequestContext } from '../../common/request-context';
import { WechatMiniClient } from '../../wechat/wechat-mini.client';
import { UsersService } from '../identity/users.service';
import { PRODUCT_SUMMARY_SOURCE, type ProductSummary, type ProductSummarySource } from './referral.ports';
import { ReferralErrors } from './referral.errors';
import { ShareLinkService } from './share-link.service';

/** The mini-program page a poster's code opens; it reads `scene` (the share code). */
export const SHARE_PAGE = 'pages/share/index';

/** Debian's fonts-noto-cjk; without it Chinese text renders as boxes (the code still scans). */
const CJK_FONTS = ['/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc'];
let fontFamily = 'sans-serif';
for (const file of CJK_FONTS) {
  if (fs.existsSync(file) && GlobalFonts.registerFromPath(file, 'PosterCJK')) {
    fontFamily = 'PosterCJK';
    break;
  }
}

const W = 750;
const H = 1200;

/**
 * Server-rendered share posters (PNG, 750×1200): product image, title, price,
 * the reseller's nickname and a mini-program code whose scene is the share code.
 */
@Injectable()
export class PosterService {
  private readonly logger = new Logger('Poster');

  constructor(
    private readonly links: ShareLinkService,
    private readonly users: UsersService,
    private readonly wechat: WechatMiniClient,
    @Optional() @Inject(PRODUCT_SUMMARY_SOURCE) private readonly products?: ProductSummarySource,
  ) {}

  async render(ctx: RequestContext, resellerId: string, shareCode: string): Promise<Buffer> {
    const link = await this.links.find(ctx, shareCode);
    if (link.resellerId !== resellerId) throw ReferralErrors.REFERRAL_SHARE_CODE_NOT_FOUND();
    const product: ProductSummary | null =
      link.productId && this.products ? await this.products.getProductSummary(ctx, link.productId) : null;
    const reseller = (await this.users.getMany(ctx, [resellerId])).get(resellerId);
    let code: Image;
    try {
      const png = await this.wechat.getUnlimitedCode({
        scene: link.code,
        page: SHARE_PAGE,
        checkPath: false,
        width: 430,
      });
      code = await loadImage(png);
    } catch (err) {
      this.logger.warn({ err: (err as Error).message }, 'mini-program code failed');
      throw ReferralErrors.REFERRAL_POSTER_FAILED();
    }
    const image = product?.image ? await loadImage(product.image).catch(() => null) : null;
    return draw({
      title: product?.title ?? '云货架 · 好物推荐',
      price: product ? formatYuan(product.priceFen, { symbol: true }) : null,
      nickname: reseller?.nickname ?? '推广员',
      image,
      code,
    });
  }
}

function draw(p: {
  title: string;
  price: string | null;
  nickname: string;
  image: Image | null;
  code: Image;
}): Buffer {
  const canvas = createCanvas(W, H);
  const g = canvas.getContext('2d');
  g.fillStyle = '#ffffff';
  g.fillRect(0, 0, W, H);
  // Product image (cover-cropped square), or a plain panel.
  if (p.image) {
    const s = Math.min(p.image.width, p.image.height);
    g.drawImage(p.image, (p.image.width - s) / 2, (p.image.height - s) / 2, s, s, 0, 0, W, W);
  } else {
    g.fillStyle = '#f2f3f5';
    g.fillRect(0, 0, W, W);
  }
  g.fillStyle = '#222222';
  g.font = `36px ${fontFamily}`;
  wrap(g, p.title, 40, W + 60, W - 80, 48, 2);
  if (p.price) {
    g.fillStyle = '#e4393c';
    g.font = `bold 48px ${fontFamily}`;
    g.fillText(p.price, 40, W + 190);
  }
  g.fillStyle = '#666666';
  g.font = `28px ${fontFamily}`;
  g.fillText(`${p.nickname} 为你推荐`, 40, H - 150);
  g.fillText('长按识别小程序码', 40, H - 100);
  // The mini-program code on white with a quiet zone, so it scans (and decodes in tests).
  const size = 260;
  g.drawImage(p.code, W - size - 40, H - size - 40, size, size);
  return canvas.toBuffer('image/png');
}

function wrap(
  g: SKRSContext2D,
  text: string,
  x: number,
  y: number,
  maxWidth: number,
  lineHeight: number,
  maxLines: number,
) {
  let line = '';
  let lines = 0;
  for (const ch of [...text]) {
    if (g.measureText(line + ch).width > maxWidth) {
      if (lines === maxLines - 1) {
        g.fillText(line.slice(0, -1) + '…', x, y + lines * lineHeight);
        return;
      }
      g.fillText(line, x, y + lines * lineHeight);
      lines++;
      line = ch;
    } else line += ch;
  }
  if (line) g.fillText(line, x, y + lines * lineHeight);
}
