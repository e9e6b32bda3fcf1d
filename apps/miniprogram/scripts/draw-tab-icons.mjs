// Draws the four tab bar icons (grey and brand red) as small PNGs. WeChat requires local files
// for tab icons and no icon CDN is reachable; run once (`pnpm icons`) and commit the output.
import { createCanvas } from '@napi-rs/canvas';
import { writeFileSync, mkdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const out = join(dirname(fileURLToPath(import.meta.url)), '..', 'src', 'assets', 'tab');
mkdirSync(out, { recursive: true });
const SIZE = 81; // WeChat recommends 81×81

const shapes = {
  home(c) {
    c.beginPath();
    c.moveTo(12, 38);
    c.lineTo(40.5, 14);
    c.lineTo(69, 38);
    c.moveTo(20, 32);
    c.lineTo(20, 66);
    c.lineTo(61, 66);
    c.lineTo(61, 32);
    c.moveTo(34, 66);
    c.lineTo(34, 48);
    c.lineTo(47, 48);
    c.lineTo(47, 66);
    c.stroke();
  },
  category(c) {
    for (const [x, y] of [
      [14, 14],
      [44, 14],
      [14, 44],
    ])
      c.strokeRect(x, y, 23, 23);
    c.beginPath();
    c.arc(55.5, 55.5, 12, 0, Math.PI * 2);
    c.stroke();
  },
  cart(c) {
    c.beginPath();
    c.moveTo(10, 16);
    c.lineTo(20, 16);
    c.lineTo(28, 54);
    c.lineTo(62, 54);
    c.lineTo(69, 26);
    c.lineTo(23, 26);
    c.stroke();
    for (const x of [32, 58]) {
      c.beginPath();
      c.arc(x, 64, 4.5, 0, Math.PI * 2);
      c.fill();
    }
  },
  mine(c) {
    c.beginPath();
    c.arc(40.5, 28, 13, 0, Math.PI * 2);
    c.stroke();
    c.beginPath();
    c.moveTo(14, 68);
    c.bezierCurveTo(16, 48, 65, 48, 67, 68);
    c.stroke();
  },
};

for (const [name, draw] of Object.entries(shapes)) {
  for (const [suffix, colour] of [
    ['', '#666666'],
    ['-active', '#E4393C'],
  ]) {
    const canvas = createCanvas(SIZE, SIZE);
    const c = canvas.getContext('2d');
    c.strokeStyle = colour;
    c.fillStyle = colour;
    c.lineWidth = 5;
    c.lineJoin = 'round';
    c.lineCap = 'round';
    draw(c);
    writeFileSync(join(out, `${name}${suffix}.png`), canvas.toBuffer('image/png'));
  }
}
console.log(`tab icons written to ${out}`);
