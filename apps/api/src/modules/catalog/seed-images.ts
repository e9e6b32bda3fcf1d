import { createCanvas, GlobalFonts, type SKRSContext2D } from '@napi-rs/canvas';
import { findCjkFont } from '../../common/cjk-font';

/**
 * Product shots for the demo catalog, drawn at seed time with @napi-rs/canvas (already a
 * dependency for posters), so the shop shows goods instead of grey boxes without shipping
 * photographs: a bottle for liquor and wine, a tin for tea, a pouch or gift box for snacks, each
 * with its brand on the label, on a soft studio background. 600×600 PNG, ~30–60 KB.
 */
export interface SeedImageInput {
  title: string;
  subtitle?: string;
  spec: string;
  /** [root category, child category], e.g. ['酒水', '白酒']. */
  category: [string, string];
}

const SIZE = 600;
let fontFamily: string | null | undefined;

function cjkFamily(dataDir: string): string | null {
  if (fontFamily !== undefined) return fontFamily;
  try {
    const font = findCjkFont(dataDir);
    fontFamily = GlobalFonts.registerFromPath(font.file, 'CloudShelfCJK') ? 'CloudShelfCJK' : null;
  } catch {
    fontFamily = null; // no CJK font: shapes and colours only
  }
  return fontFamily;
}

/** A stable hue per title, so every product has its own colour and re-seeding draws the same. */
function hue(text: string): number {
  let h = 0;
  for (const ch of text) h = (h * 33 + ch.charCodeAt(0)) >>> 0;
  return h % 360;
}

type Shape = 'baijiu' | 'wine' | 'tin' | 'pouch' | 'box';

function shapeOf(c: [string, string], title: string): Shape {
  if (c[0] === '酒水') return /葡萄|干红|红酒|赤霞珠|西拉|Bin/.test(`${c[1]}${title}`) ? 'wine' : 'baijiu';
  if (c[0] === '茶叶') return 'tin';
  return /礼盒|糕点/.test(`${c[1]}${title}`) ? 'box' : 'pouch';
}

function roundRect(g: SKRSContext2D, x: number, y: number, w: number, h: number, r: number) {
  g.beginPath();
  g.moveTo(x + r, y);
  g.arcTo(x + w, y, x + w, y + h, r);
  g.arcTo(x + w, y + h, x, y + h, r);
  g.arcTo(x, y + h, x, y, r);
  g.arcTo(x, y, x + w, y, r);
  g.closePath();
}

/** The body of the product; returns the label box (x, y, w, h) in canvas coordinates. */
function drawBody(g: SKRSContext2D, shape: Shape, h: number): [number, number, number, number] {
  const cx = SIZE / 2;
  const main = `hsl(${h}, 62%, 42%)`;
  const light = `hsl(${h}, 70%, 92%)`;
  const sheen = (x: number, y: number, w: number, hh: number) => {
    const s = g.createLinearGradient(x, 0, x + w, 0);
    s.addColorStop(0, 'rgba(255,255,255,0)');
    s.addColorStop(0.25, 'rgba(255,255,255,0.35)');
    s.addColorStop(0.4, 'rgba(255,255,255,0)');
    g.fillStyle = s;
    g.fillRect(x, y, w, hh);
  };
  switch (shape) {
    case 'baijiu': {
      // porcelain-white bottle, red cap and ribbon (the way 白酒 is shelved)
      g.fillStyle = '#c62828';
      roundRect(g, cx - 34, 70, 68, 70, 10);
      g.fill();
      g.fillStyle = '#fbfbf8';
      g.beginPath();
      g.moveTo(cx - 40, 140);
      g.bezierCurveTo(cx - 40, 180, cx - 120, 190, cx - 120, 250);
      g.lineTo(cx - 120, 500);
      g.quadraticCurveTo(cx - 120, 520, cx - 100, 520);
      g.lineTo(cx + 100, 520);
      g.quadraticCurveTo(cx + 120, 520, cx + 120, 500);
      g.lineTo(cx + 120, 250);
      g.bezierCurveTo(cx + 120, 190, cx + 40, 180, cx + 40, 140);
      g.closePath();
      g.fill();
      g.strokeStyle = 'rgba(0,0,0,0.08)';
      g.lineWidth = 2;
      g.stroke();
      sheen(cx - 120, 200, 240, 320);
      g.fillStyle = '#c62828';
      g.fillRect(cx - 120, 236, 240, 14);
      return [cx - 96, 270, 192, 210];
    }
    case 'wine': {
      g.fillStyle = '#3e2723';
      roundRect(g, cx - 22, 50, 44, 90, 6);
      g.fill();
      g.fillStyle = '#1b3a2a';
      g.beginPath();
      g.moveTo(cx - 22, 140);
      g.bezierCurveTo(cx - 22, 210, cx - 92, 220, cx - 92, 280);
      g.lineTo(cx - 92, 505);
      g.quadraticCurveTo(cx - 92, 525, cx - 72, 525);
      g.lineTo(cx + 72, 525);
      g.quadraticCurveTo(cx + 92, 525, cx + 92, 505);
      g.lineTo(cx + 92, 280);
      g.bezierCurveTo(cx + 92, 220, cx + 22, 210, cx + 22, 140);
      g.closePath();
      g.fill();
      sheen(cx - 92, 220, 184, 300);
      g.fillStyle = '#f6f1e7';
      g.fillRect(cx - 80, 320, 160, 160);
      return [cx - 80, 320, 160, 160];
    }
    case 'tin': {
      g.fillStyle = main;
      roundRect(g, cx - 130, 150, 260, 370, 18);
      g.fill();
      g.fillStyle = `hsl(${h}, 55%, 32%)`;
      roundRect(g, cx - 138, 130, 276, 64, 14);
      g.fill();
      sheen(cx - 130, 190, 260, 330);
      g.fillStyle = light;
      g.fillRect(cx - 100, 250, 200, 220);
      return [cx - 100, 250, 200, 220];
    }
    case 'box': {
      g.fillStyle = '#b71c1c'; // a gift box is red, with a gold ribbon
      roundRect(g, cx - 190, 170, 380, 320, 14);
      g.fill();
      g.fillStyle = '#d4a017';
      g.fillRect(cx - 16, 170, 32, 320);
      g.fillRect(cx - 190, 300, 380, 26);
      g.fillStyle = light;
      roundRect(g, cx - 150, 200, 300, 90, 10);
      g.fill();
      return [cx - 150, 200, 300, 90];
    }
    default: {
      // a snack pouch with a crimped top
      g.fillStyle = main;
      g.beginPath();
      g.moveTo(cx - 150, 130);
      g.lineTo(cx + 150, 130);
      g.quadraticCurveTo(cx + 175, 320, cx + 150, 520);
      g.lineTo(cx - 150, 520);
      g.quadraticCurveTo(cx - 175, 320, cx - 150, 130);
      g.closePath();
      g.fill();
      g.fillStyle = `hsl(${h}, 55%, 30%)`;
      for (let x = cx - 150; x < cx + 150; x += 12) g.fillRect(x, 122, 6, 26);
      sheen(cx - 150, 130, 300, 390);
      g.fillStyle = light;
      roundRect(g, cx - 115, 230, 230, 200, 16);
      g.fill();
      return [cx - 115, 230, 230, 200];
    }
  }
}

/** Fits text into a width by shrinking the font; returns the size used. */
function fitText(
  g: SKRSContext2D,
  text: string,
  family: string,
  maxWidth: number,
  start: number,
  weight = 'bold',
): number {
  let size = start;
  for (; size > 14; size -= 2) {
    g.font = `${weight} ${size}px ${family}`;
    if (g.measureText(text).width <= maxWidth) break;
  }
  return size;
}

export function drawSeedImage(p: SeedImageInput, dataDir: string): Buffer {
  const canvas = createCanvas(SIZE, SIZE);
  const g = canvas.getContext('2d');
  const h = hue(p.title);
  const bg = g.createLinearGradient(0, 0, 0, SIZE);
  bg.addColorStop(0, `hsl(${h}, 40%, 97%)`);
  bg.addColorStop(1, `hsl(${h}, 35%, 88%)`);
  g.fillStyle = bg;
  g.fillRect(0, 0, SIZE, SIZE);
  // floor shadow
  g.save();
  g.translate(SIZE / 2, 528);
  g.scale(1, 0.16);
  const shadow = g.createRadialGradient(0, 0, 10, 0, 0, 200);
  shadow.addColorStop(0, 'rgba(0,0,0,0.28)');
  shadow.addColorStop(1, 'rgba(0,0,0,0)');
  g.fillStyle = shadow;
  g.beginPath();
  g.arc(0, 0, 200, 0, Math.PI * 2);
  g.fill();
  g.restore();

  const shape = shapeOf(p.category, p.title);
  const [lx, ly, lw, lh] = drawBody(g, shape, h);
  const family = cjkFamily(dataDir);
  if (family) {
    const words = p.title.split(/\s+/);
    const brand = words[0];
    const line2 = words.slice(1, 3).join(' ');
    const ink = shape === 'baijiu' ? '#8e1b1b' : shape === 'wine' ? '#3e2723' : `hsl(${h}, 60%, 25%)`;
    g.fillStyle = ink;
    g.textAlign = 'center';
    g.textBaseline = 'middle';
    const cx = lx + lw / 2;
    const s1 = fitText(g, brand, family, lw - 20, shape === 'box' ? 44 : 48);
    g.font = `bold ${s1}px ${family}`;
    g.fillText(brand, cx, ly + (shape === 'box' ? lh * 0.38 : lh * 0.3));
    if (line2 && shape !== 'box') {
      const s2 = fitText(g, line2, family, lw - 24, 26, 'normal');
      g.font = `normal ${s2}px ${family}`;
      g.fillText(line2, cx, ly + lh * 0.58);
    }
    const s3 = fitText(g, p.spec, family, lw - 24, 22, 'normal');
    g.font = `normal ${s3}px ${family}`;
    g.fillStyle = 'rgba(0,0,0,0.55)';
    g.fillText(p.spec, cx, ly + (shape === 'box' ? lh * 0.78 : lh * 0.82));
  }
  return canvas.toBuffer('image/png');
}
