import { Inject, Injectable, Logger } from '@nestjs/common';
import PDFDocument from 'pdfkit';
import { In } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import type { RequestContext } from '../../common/request-context';
import { TransactionService } from '../../common/transaction.service';
import { WechatMiniClient } from '../../wechat/wechat-mini.client';
import { CjkFontMissingError, findCjkFont } from '../../common/cjk-font';
import { QrImage } from './entities/qr-image.entity';
import { ScanCode } from './entities/scan-code.entity';
import { ShelfSlot } from './entities/shelf-slot.entity';
import { Shelf } from './entities/shelf.entity';
import { ScanCodeService } from './scan-code.service';
import { StoresService } from './stores.service';
import { StoresErrors } from './stores.errors';

/** The mini-program page a scan code opens; it reads `scene` and calls GET /api/app/scan/{code}. */
export const SCAN_PAGE = 'pages/scan/index';

const A4 = { width: 595.28, height: 841.89 };
const GRID = { cols: 3, rows: 4, margin: 36, header: 40, qr: 130 };
export const CODES_PER_PAGE = GRID.cols * GRID.rows;

/**
 * Mini-program code images (from WeChat's getwxacodeunlimit, scene = the code)
 * and printable A4 sheets of a store's codes. Images are kept in `qr_image` by
 * code: a code never changes meaning, so WeChat is asked once per code, ever.
 */
@Injectable()
export class QrService {
  private readonly logger = new Logger('QrService');

  constructor(
    private readonly tx: TransactionService,
    private readonly wechat: WechatMiniClient,
    private readonly stores: StoresService,
    private readonly codes: ScanCodeService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The PNG of a code, from the cache or (once) from WeChat. */
  async png(ctx: RequestContext, code: string): Promise<Buffer> {
    return (await this.pngs(ctx, [code])).get(code)!;
  }

  async pngForScanCode(ctx: RequestContext, scanCodeId: string): Promise<{ code: string; png: Buffer }> {
    const sc = await this.codes.load(ctx, scanCodeId);
    return { code: sc.code, png: await this.png(ctx, sc.code) };
  }

  private async pngs(ctx: RequestContext, codes: string[]): Promise<Map<string, Buffer>> {
    const repo = this.tx.repo(ctx, QrImage);
    const have = codes.length ? await repo.findBy({ code: In(codes) }) : [];
    const out = new Map(have.map((r) => [r.code, r.png]));
    const missing = codes.filter((c) => !out.has(c));
    // A few at a time: WeChat limits the rate of getwxacodeunlimit per app.
    for (let i = 0; i < missing.length; i += 4) {
      const batch = missing.slice(i, i + 4);
      const images = await Promise.all(
        batch.map((code) =>
          this.wechat
            .getUnlimitedCode({ scene: code, page: SCAN_PAGE, checkPath: false, width: 430 })
            .catch((err) => {
              this.logger.warn({ err, code }, 'getwxacodeunlimit failed');
              throw StoresErrors.QR_WECHAT_FAILED({ code });
            }),
        ),
      );
      for (const [j, code] of batch.entries()) {
        await repo.createQueryBuilder().insert().values({ code, png: images[j] }).orIgnore().execute();
        out.set(code, images[j]);
      }
    }
    return out;
  }

  /**
   * A4 PDF of the store's active codes, 12 per page (3 × 4), the store and shelf
   * name (and slot position) under each. Returns the bytes and the page count.
   */
  async sheet(ctx: RequestContext, storeId: string): Promise<{ pdf: Buffer; pages: number; codes: number }> {
    const store = await this.stores.load(ctx, storeId);
    const codes = await this.codes.activeForStore(ctx, storeId);
    const shelves = await this.tx
      .repo(ctx, Shelf)
      .find({ where: { storeId }, order: { sortOrder: 'ASC', createdAt: 'ASC' } });
    const slotIds = codes.map((c) => c.slotId).filter((x): x is string => Boolean(x));
    const slots = slotIds.length ? await this.tx.repo(ctx, ShelfSlot).findBy({ id: In(slotIds) }) : [];
    const shelfOrder = new Map(shelves.map((s, i) => [s.id, i]));
    const ordered = [...codes].sort(
      (a, b) =>
        (shelfOrder.get(a.shelfId) ?? 0) - (shelfOrder.get(b.shelfId) ?? 0) ||
        Number(Boolean(a.slotId)) - Number(Boolean(b.slotId)) ||
        (slots.find((s) => s.id === a.slotId)?.position ?? 0) -
          (slots.find((s) => s.id === b.slotId)?.position ?? 0),
    );
    let font;
    try {
      font = findCjkFont(this.config.dataDir);
    } catch (err) {
      if (err instanceof CjkFontMissingError) {
        this.logger.error(err.message);
        throw StoresErrors.QR_FONT_MISSING({ hint: 'apt-get install -y fonts-noto-cjk' });
      }
      throw err;
    }
    const images = await this.pngs(
      ctx,
      ordered.map((c) => c.code),
    );
    const label = (c: ScanCode) => {
      const shelf = shelves.find((s) => s.id === c.shelfId)?.name ?? '';
      const slot = c.slotId ? slots.find((s) => s.id === c.slotId) : undefined;
      return slot ? `${shelf} · 第${slot.position + 1}位` : shelf;
    };
    return render(store.name, ordered, images, label, font);
  }
}

async function render(
  storeName: string,
  codes: ScanCode[],
  images: Map<string, Buffer>,
  label: (c: ScanCode) => string,
  font: { file: string; face?: string },
): Promise<{ pdf: Buffer; pages: number; codes: number }> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: GRID.margin,
    autoFirstPage: false,
    info: { Title: `${storeName} 货架二维码` },
  });
  doc.registerFont('cjk', font.file, font.face);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve, reject) => {
    doc.on('end', resolve);
    doc.on('error', reject);
  });
  const pages = Math.max(1, Math.ceil(codes.length / CODES_PER_PAGE));
  const cellW = (A4.width - 2 * GRID.margin) / GRID.cols;
  const cellH = (A4.height - 2 * GRID.margin - GRID.header) / GRID.rows;
  for (let p = 0; p < pages; p++) {
    doc.addPage();
    doc
      .font('cjk')
      .fontSize(14)
      .text(`${storeName} · 货架二维码`, GRID.margin, GRID.margin, { lineBreak: false });
    doc.fontSize(9).text(`第 ${p + 1} / ${pages} 页`, A4.width - GRID.margin - 80, GRID.margin + 4, {
      width: 80,
      align: 'right',
      lineBreak: false,
    });
    if (!codes.length)
      doc.fontSize(12).text('该门店还没有在用的二维码', GRID.margin, GRID.margin + GRID.header);
    codes.slice(p * CODES_PER_PAGE, (p + 1) * CODES_PER_PAGE).forEach((c, i) => {
      const x = GRID.margin + (i % GRID.cols) * cellW;
      const y = GRID.margin + GRID.header + Math.floor(i / GRID.cols) * cellH;
      doc.image(images.get(c.code)!, x + (cellW - GRID.qr) / 2, y + 4, { width: GRID.qr, height: GRID.qr });
      const textY = y + GRID.qr + 10;
      doc.fontSize(10).text(storeName, x + 4, textY, {
        width: cellW - 8,
        align: 'center',
        lineBreak: false,
        ellipsis: true,
      });
      doc.fontSize(9).text(label(c), x + 4, textY + 14, {
        width: cellW - 8,
        align: 'center',
        lineBreak: false,
        ellipsis: true,
      });
      doc
        .fontSize(7)
        .fillColor('#888888')
        .text(c.code, x + 4, textY + 28, { width: cellW - 8, align: 'center', lineBreak: false });
      doc.fillColor('#000000');
      doc
        .rect(x + 2, y, cellW - 4, cellH - 3)
        .dash(3, { space: 3 })
        .strokeColor('#cccccc')
        .stroke()
        .undash();
    });
  }
  doc.end();
  await done;
  return { pdf: Buffer.concat(chunks), pages, codes: codes.length };
}
