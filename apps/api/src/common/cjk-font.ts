import * as fs from 'node:fs';
import * as path from 'node:path';

export interface CjkFont {
  file: string;
  /** The face inside a .ttc collection (its PostScript name); undefined for .ttf/.otf. */
  face?: string;
}

/**
 * Fonts that can print Chinese, in order of preference: Debian's fonts-noto-cjk,
 * then WenQuanYi and AR PL (fonts-wqy-microhei, fonts-wqy-zenhei, fonts-arphic-uming).
 * `<dataDir>/fonts/*.ttf|otf` comes first so an operator can drop one in.
 */
const SYSTEM_FONTS: CjkFont[] = [
  { file: '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc', face: 'NotoSansCJKsc-Regular' },
  { file: '/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc', face: 'NotoSerifCJKsc-Regular' },
  { file: '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc', face: 'WenQuanYiMicroHei' },
  { file: '/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc', face: 'WenQuanYiZenHei' },
  { file: '/usr/share/fonts/truetype/arphic/uming.ttc', face: 'UMingCN' },
];

export class CjkFontMissingError extends Error {
  constructor(readonly searched: string[]) {
    super(
      `no CJK font found (QR sheets, demo product images); install Debian's fonts-noto-cjk (apt-get install -y fonts-noto-cjk) ` +
        `or put a .ttf/.otf with Chinese glyphs in one of: ${searched.join(', ')}`,
    );
    this.name = 'CjkFontMissingError';
  }
}

let cached: CjkFont | undefined;

/** The first CJK font present on this machine; throws CjkFontMissingError, naming where it looked. */
export function findCjkFont(dataDir: string): CjkFont {
  if (cached && fs.existsSync(cached.file)) return cached;
  const own = path.join(dataDir, 'fonts');
  const ownFonts: CjkFont[] = fs.existsSync(own)
    ? fs
        .readdirSync(own)
        .filter((f) => /\.(ttf|otf)$/i.test(f))
        .sort()
        .map((f) => ({ file: path.join(own, f) }))
    : [];
  const found = [...ownFonts, ...SYSTEM_FONTS].find((f) => fs.existsSync(f.file));
  if (!found) throw new CjkFontMissingError([own, ...SYSTEM_FONTS.map((f) => f.file)]);
  cached = found;
  return found;
}
