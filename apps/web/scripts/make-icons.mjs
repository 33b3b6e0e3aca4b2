// Draws the app icons (public/icons/*.png) from the favicon's design: a blue rounded square with
// a white rising line. No image library: a small rasterizer with 4×4 supersampling and a PNG
// writer on node:zlib. Run `node scripts/make-icons.mjs` after changing the design; the PNGs are
// committed, so builds need nothing extra.
import { writeFileSync } from "node:fs";
import { deflateSync } from "node:zlib";

const BLUE = [0x1d, 0x4e, 0xd8];
const WHITE = [0xff, 0xff, 0xff];
// The favicon's line on its 32-unit grid.
const LINE = [
  [8, 21],
  [13, 15],
  [17, 18],
  [24, 9],
];

function distanceToSegment(px, py, [ax, ay], [bx, by]) {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

function insideRoundedSquare(x, y, radius) {
  const cx = Math.min(Math.max(x, radius), 32 - radius);
  const cy = Math.min(Math.max(y, radius), 32 - radius);
  return Math.hypot(x - cx, y - cy) <= radius;
}

/** RGBA pixels of the icon at `size` px; `maskable` fills the square and keeps the line in the safe zone. */
function drawIcon(size, maskable) {
  const pixels = Buffer.alloc(size * size * 4);
  const samples = 4;
  for (let y = 0; y < size; y += 1) {
    for (let x = 0; x < size; x += 1) {
      let bg = 0;
      let line = 0;
      for (let sy = 0; sy < samples; sy += 1) {
        for (let sx = 0; sx < samples; sx += 1) {
          // In favicon units.
          let u = ((x + (sx + 0.5) / samples) / size) * 32;
          let v = ((y + (sy + 0.5) / samples) / size) * 32;
          const inSquare = maskable || insideRoundedSquare(u, v, 6);
          if (!inSquare) continue;
          bg += 1;
          if (maskable) {
            // Shrink the drawing to 70% around the centre: inside the maskable safe circle.
            u = 16 + (u - 16) / 0.7;
            v = 16 + (v - 16) / 0.7;
          }
          const near = LINE.slice(1).some(
            (point, i) => distanceToSegment(u, v, LINE[i], point) <= 1.5,
          );
          if (near) line += 1;
        }
      }
      const total = samples * samples;
      const at = (y * size + x) * 4;
      const mix = line / Math.max(bg, 1);
      for (let c = 0; c < 3; c += 1)
        pixels[at + c] = Math.round(BLUE[c] * (1 - mix) + WHITE[c] * mix);
      pixels[at + 3] = Math.round((bg / total) * 255);
    }
  }
  return pixels;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buffer) {
  let c = 0xffffffff;
  for (const byte of buffer) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function encodePng(size, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y += 1) {
    rows[y * (size * 4 + 1)] = 0; // no filter
    rgba.copy(rows, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(rows, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

const out = new URL("../public/icons/", import.meta.url);
for (const [name, size, maskable] of [
  ["icon-192.png", 192, false],
  ["icon-512.png", 512, false],
  ["icon-maskable-512.png", 512, true],
]) {
  writeFileSync(new URL(name, out), encodePng(size, drawIcon(size, maskable)));
}
