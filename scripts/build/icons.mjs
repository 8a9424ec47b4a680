// The app's icons for installing it (web app manifest), drawn at build time: a white
// town hall (pediment, columns, steps) on the city's blue. Everything sits inside the
// middle 60 %, so the same picture is a valid maskable icon.
import { deflateSync } from 'node:zlib';

const BLUE = [0x0b, 0x4f, 0x8a, 0xff];
const WHITE = [0xff, 0xff, 0xff, 0xff];

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** Is the point (x, y), both in 0..1, part of the town hall? */
function inBuilding(x, y) {
  const inside = (x0, y0, x1, y1) => x >= x0 && x < x1 && y >= y0 && y < y1;
  // Pediment: a triangle from (0.25, 0.40) to (0.75, 0.40) with its top at (0.5, 0.24).
  if (y >= 0.24 && y < 0.4 && Math.abs(x - 0.5) <= ((y - 0.24) / 0.16) * 0.25) return true;
  if (inside(0.25, 0.41, 0.75, 0.45)) return true; // entablature
  for (const cx of [0.3, 0.4167, 0.5333, 0.65]) {
    if (inside(cx - 0.025, 0.46, cx + 0.025, 0.68)) return true; // columns
  }
  return inside(0.23, 0.69, 0.77, 0.73) || inside(0.2, 0.74, 0.8, 0.77); // steps
}

/** A PNG of `size` × `size` pixels. */
export function townHallPng(size) {
  const rows = [];
  for (let py = 0; py < size; py++) {
    const row = Buffer.alloc(1 + size * 4); // filter byte 0, then RGBA
    for (let px = 0; px < size; px++) {
      const colour = inBuilding((px + 0.5) / size, (py + 0.5) / size) ? WHITE : BLUE;
      Buffer.from(colour).copy(row, 1 + px * 4);
    }
    rows.push(row);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows), { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
