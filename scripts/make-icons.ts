/**
 * Draws the add-in icons (a blue tile with three rising bars) as PNG files, so the repository
 * holds no image it cannot regenerate. Run: npx tsx scripts/make-icons.ts
 */
import { writeFileSync } from 'fs';
import { resolve } from 'path';
import { deflateSync } from 'zlib';

function crc32(buf: Buffer): number {
  let c = ~0;
  for (const b of buf) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0xedb88320 : c >>> 1;
  }
  return ~c >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}

export function icon(size: number): Buffer {
  const raw = Buffer.alloc((size * 4 + 1) * size);
  const r = size * 0.18; // corner radius
  const bars = [
    [0.22, 0.58],
    [0.42, 0.4],
    [0.62, 0.22],
  ];
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) {
      const fx = (x + 0.5) / size;
      const fy = (y + 0.5) / size;
      const cx = Math.min(Math.max(x + 0.5, r), size - r);
      const cy = Math.min(Math.max(y + 0.5, r), size - r);
      const inside = Math.hypot(x + 0.5 - cx, y + 0.5 - cy) <= r;
      let px = [0, 0, 0, 0];
      if (inside) {
        px = [15, 108, 189, 255];
        for (const [left, top] of bars)
          if (fx >= left && fx < left + 0.15 && fy >= top && fy < 0.8) px = [255, 255, 255, 255];
      }
      raw.set(px, y * (size * 4 + 1) + 1 + x * 4);
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

if (require.main === module) {
  for (const s of [16, 32, 64, 80, 128])
    writeFileSync(resolve(__dirname, `../excel-addin/assets/icon-${s}.png`), icon(s));
}
