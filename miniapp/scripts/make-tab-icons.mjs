// Draws the three tab-bar icons (81×81 PNG, grey and red) with no image library:
// node miniapp/scripts/make-tab-icons.mjs  → miniapp/src/assets/tab/*.png
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const SIZE = 81;
const SS = 4; // supersampling for smooth edges
const OUT = new URL('../src/assets/tab/', import.meta.url);
const COLORS = { '': [0x8a, 0x8a, 0x8a], '-active': [0xc8, 0x16, 0x1d] };

const rect = (x, y, x0, y0, x1, y1) => x >= x0 && x <= x1 && y >= y0 && y <= y1;
const rounded = (x, y, x0, y0, x1, y1, r) => {
  const cx = Math.min(Math.max(x, x0 + r), x1 - r);
  const cy = Math.min(Math.max(y, y0 + r), y1 - r);
  return rect(x, y, x0, y0, x1, y1) && (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
};
const triangle = (x, y, [ax, ay], [bx, by], [cx, cy]) => {
  const s = (px, py, qx, qy, rx, ry) => (px - rx) * (qy - ry) - (qx - rx) * (py - ry);
  const d1 = s(x, y, ax, ay, bx, by),
    d2 = s(x, y, bx, by, cx, cy),
    d3 = s(x, y, cx, cy, ax, ay);
  return !((d1 < 0 || d2 < 0 || d3 < 0) && (d1 > 0 || d2 > 0 || d3 > 0));
};

const SHAPES = {
  home: (x, y) =>
    (triangle(x, y, [0.5, 0.1], [0.06, 0.5], [0.94, 0.5]) || rect(x, y, 0.2, 0.45, 0.8, 0.88)) &&
    !rect(x, y, 0.41, 0.62, 0.59, 0.89),
  services: (x, y) =>
    [
      [0.1, 0.1],
      [0.55, 0.1],
      [0.1, 0.55],
      [0.55, 0.55],
    ].some(([a, b]) => rounded(x, y, a, b, a + 0.35, b + 0.35, 0.08)),
  me: (x, y) =>
    (x - 0.5) ** 2 + (y - 0.3) ** 2 <= 0.19 ** 2 ||
    (y >= 0.56 && y <= 0.9 && ((x - 0.5) / 0.38) ** 2 + ((y - 0.94) / 0.38) ** 2 <= 1),
};

const CRC = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf) => {
  let c = 0xffffffff;
  for (const b of buf) c = CRC[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
};

function png(inside, [r, g, b]) {
  const raw = Buffer.alloc((SIZE * 4 + 1) * SIZE);
  for (let y = 0; y < SIZE; y++) {
    raw[y * (SIZE * 4 + 1)] = 0; // filter: none
    for (let x = 0; x < SIZE; x++) {
      let hits = 0;
      for (let i = 0; i < SS; i++)
        for (let j = 0; j < SS; j++) if (inside((x + (i + 0.5) / SS) / SIZE, (y + (j + 0.5) / SS) / SIZE)) hits++;
      const o = y * (SIZE * 4 + 1) + 1 + x * 4;
      raw.set([r, g, b, Math.round((255 * hits) / (SS * SS))], o);
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(SIZE, 0);
  ihdr.writeUInt32BE(SIZE, 4);
  ihdr.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

for (const [name, inside] of Object.entries(SHAPES))
  for (const [suffix, color] of Object.entries(COLORS)) {
    const file = new URL(`${name}${suffix}.png`, OUT);
    writeFileSync(file, png(inside, color));
    console.log(file.pathname);
  }
