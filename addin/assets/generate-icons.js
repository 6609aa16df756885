/**
 * Draws the add-in icons (16, 32, 64, 80 and 128 px PNG) without any image library: a teal
 * rounded square with two mirrored half-discs either side of a vertical axis, the symmetry of
 * attention. Run `node addin/assets/generate-icons.js` after changing the drawing; the PNGs are
 * committed.
 */
const fs = require("fs");
const path = require("path");
const zlib = require("zlib");

const SIZES = [16, 32, 64, 80, 128];
const BACKGROUND = [0x0f, 0x6c, 0x74];
const FOREGROUND = [0xff, 0xff, 0xff];
const SUPERSAMPLING = 4;

/** Coverage of the foreground at a point of the unit square, 0 (background) to 1. */
function shapeAt(x, y) {
  const axis = Math.abs(x - 0.5) < 0.03 && y > 0.18 && y < 0.82;
  const radius = 0.2;
  const left = (x - 0.44) ** 2 + (y - 0.5) ** 2 < radius ** 2 && x < 0.44;
  const right = (x - 0.56) ** 2 + (y - 0.5) ** 2 < radius ** 2 && x > 0.56;
  return axis || left || right;
}

/** Inside the rounded square (corner radius 18 % of the side)? */
function insideRoundedSquare(x, y) {
  const corner = 0.18;
  const dx = Math.max(corner - x, x - (1 - corner), 0);
  const dy = Math.max(corner - y, y - (1 - corner), 0);
  return dx * dx + dy * dy <= corner * corner;
}

function pixels(size) {
  const rgba = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let inside = 0;
      let foreground = 0;
      for (let sy = 0; sy < SUPERSAMPLING; sy++) {
        for (let sx = 0; sx < SUPERSAMPLING; sx++) {
          const x = (px + (sx + 0.5) / SUPERSAMPLING) / size;
          const y = (py + (sy + 0.5) / SUPERSAMPLING) / size;
          if (!insideRoundedSquare(x, y)) continue;
          inside += 1;
          if (shapeAt(x, y)) foreground += 1;
        }
      }
      const samples = SUPERSAMPLING * SUPERSAMPLING;
      const share = inside > 0 ? foreground / inside : 0;
      const offset = (py * size + px) * 4;
      for (let channel = 0; channel < 3; channel++) {
        rgba[offset + channel] = Math.round(BACKGROUND[channel] * (1 - share) + FOREGROUND[channel] * share);
      }
      rgba[offset + 3] = Math.round((255 * inside) / samples);
    }
  }
  return rgba;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buffer) {
  let crc = 0xffffffff;
  for (const byte of buffer) crc = CRC_TABLE[(crc ^ byte) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A PNG (RGBA, 8 bits, no interlace) of a square image. */
function encodePng(size, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) rgba.copy(rows, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4); // filter 0
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", zlib.deflateSync(rows, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

if (require.main === module) {
  for (const size of SIZES) {
    const file = path.join(__dirname, `icon-${size}.png`);
    fs.writeFileSync(file, encodePng(size, pixels(size)));
    console.log(`wrote ${path.relative(process.cwd(), file)}`);
  }
}

module.exports = { SIZES };
