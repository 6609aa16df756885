import * as fs from "node:fs";
import * as path from "node:path";
import * as zlib from "node:zlib";
import { REPOSITORY } from "./cli";

/** Where the deflated payload is kept between runs (ignored by git, like every test artifact). */
const CACHE = path.join(REPOSITORY, "test-artifacts", "zip-bombs");

/**
 * The bytes of a zip whose single entry inflates to `size` bytes of zeros (about 1,000:1), its
 * headers declaring `declaredSize` (a liar declares a small size). Deflating a gigabyte takes
 * seconds, so the deflated payload is made once and kept under test-artifacts/ (written under a
 * temporary name and renamed, so suites running at the same time never read half a file); only
 * the headers differ between a bomb and a liar.
 */
export async function zipBombBytes(size: number, declaredSize = size): Promise<Buffer> {
  const payload = path.join(CACHE, `zeros-${size}.deflate`);
  if (!fs.existsSync(payload)) {
    fs.mkdirSync(CACHE, { recursive: true });
    const partial = `${payload}.${process.pid}.partial`;
    fs.writeFileSync(partial, await deflatedZeros(size));
    fs.renameSync(partial, payload);
  }
  return zipOfOneEntry(fs.readFileSync(payload), declaredSize);
}

/** `size` zeros, raw-deflated as a stream, so the inflated bytes are never held. */
async function deflatedZeros(size: number): Promise<Buffer> {
  const deflater = zlib.createDeflateRaw({ level: 9 });
  const parts: Buffer[] = [];
  deflater.on("data", (data: Buffer) => parts.push(data));
  const finished = new Promise((resolve) => deflater.on("end", resolve));
  const chunk = Buffer.alloc(1 << 20);
  for (let written = 0; written < size; written += chunk.length) {
    if (!deflater.write(chunk)) await new Promise((resolve) => deflater.once("drain", resolve));
  }
  deflater.end();
  await finished;
  return Buffer.concat(parts);
}

/** A zip holding one deflated worksheet entry whose headers declare `declaredSize` inflated bytes. */
function zipOfOneEntry(compressed: Buffer, declaredSize: number): Buffer {
  const name = Buffer.from("xl/worksheets/sheet1.xml");
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(8, 8); // deflate
  local.writeUInt32LE(compressed.length, 18);
  local.writeUInt32LE(declaredSize, 22);
  local.writeUInt16LE(name.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(compressed.length, 20);
  central.writeUInt32LE(declaredSize, 24);
  central.writeUInt16LE(name.length, 28);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + name.length, 12);
  end.writeUInt32LE(local.length + name.length + compressed.length, 16);
  return Buffer.concat([local, name, compressed, central, name, end]);
}
